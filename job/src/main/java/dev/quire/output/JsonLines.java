package dev.quire.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One row as one line of JSON: an object with the columns in result order. Written with a
 * generator rather than a map so that a result with two columns of the same name keeps both,
 * as Spark's own JSON output does.
 */
public final class JsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLines() {
    }

    public static String line(List<String> names, List<Object> values) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = MAPPER.createGenerator(sw)) {
            g.writeStartObject();
            for (int i = 0; i < names.size(); i++) {
                g.writeFieldName(names.get(i));
                g.writeObject(values.get(i));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return sw.toString();
    }
}
