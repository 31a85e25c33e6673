package dev.quire.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One plain value as the text of a CSV field or table cell; nested values (arrays, maps, structs) as JSON. */
public final class CellText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CellText() {
    }

    /** The text of a non-null value. */
    public static String of(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d) {
            return plain(d);
        }
        if (value instanceof Float f) {
            // Float.toString is the shortest text that reads back as the same float (0.93, not 0.9300000071525574)
            return Float.isFinite(f) ? new BigDecimal(Float.toString(f)).toPlainString() : f.toString();
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return json(value);
        }
        return String.valueOf(value);
    }

    /** Doubles without exponents (1.0E7 is hard to read in a table and some CSV readers take it for text). */
    private static String plain(double d) {
        return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : Double.toString(d);
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
    }
}
