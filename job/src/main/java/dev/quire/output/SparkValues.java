package dev.quire.output;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spark row values as plain Java values that every result writer understands: null, String,
 * Boolean, Number, List and Map (structs become maps in field order). Timestamps become ISO-8601
 * instants ({@code 2026-11-23T00:45:29.705Z}, unambiguous whatever the reader's time zone),
 * dates ISO dates, binary Base64; map keys are sorted.
 */
public final class SparkValues {
    private SparkValues() {
    }

    public static List<ResultColumn> columns(StructType schema) {
        List<ResultColumn> out = new ArrayList<>(schema.size());
        for (StructField f : schema.fields()) {
            out.add(new ResultColumn(f.name(), f.dataType() instanceof NumericType));
        }
        return out;
    }

    public static List<Object> values(Row row) {
        List<Object> out = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            out.add(plain(row.get(i)));
        }
        return out;
    }

    static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) {
            return v;
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof TemporalAccessor t) {
            return t.toString();   // Instant, LocalDate, LocalDateTime (java8API or TIMESTAMP_NTZ)
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof Row r) {
            Map<String, Object> m = new LinkedHashMap<>();
            String[] names = r.schema() == null ? null : r.schema().fieldNames();
            for (int i = 0; i < r.size(); i++) {
                m.put(names == null ? "_" + (i + 1) : names[i], plain(r.get(i)));
            }
            return m;
        }
        if (v instanceof scala.collection.Map<?, ?> sm) {
            // Spark hands maps of more than four entries back as hash maps: sorted keys keep the output stable
            Map<String, Object> m = new TreeMap<>();
            scala.collection.Iterator<? extends scala.Tuple2<?, ?>> it = sm.iterator();
            while (it.hasNext()) {
                scala.Tuple2<?, ?> e = it.next();
                m.put(String.valueOf(plain(e._1())), plain(e._2()));
            }
            return m;
        }
        if (v instanceof scala.collection.Iterable<?> seq) {
            List<Object> l = new ArrayList<>();
            scala.collection.Iterator<?> it = seq.iterator();
            while (it.hasNext()) {
                l.add(plain(it.next()));
            }
            return l;
        }
        return v.toString();   // intervals, variants and whatever later Spark versions add
    }
}
