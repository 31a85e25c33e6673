package dev.quire.job;

import dev.quire.QuireException;
import dev.quire.pipeline.DocumentStatus;
import dev.quire.pipeline.PageMethod;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code runs} table for queries: one row per committed run, flattened from its manifest
 * ({@code runs/ID.json}). The {@code documents} and {@code pages} counts are maps that hold every
 * status and page method, zeros included, so that {@code documents['failed']} is never null.
 */
public final class RunsTable {
    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("run_id", DataTypes.StringType, false),
        DataTypes.createStructField("started_at", DataTypes.TimestampType, true),
        DataTypes.createStructField("finished_at", DataTypes.TimestampType, true),
        DataTypes.createStructField("seconds", DataTypes.DoubleType, false),
        DataTypes.createStructField("documents_total", DataTypes.LongType, false),
        DataTypes.createStructField("documents", counts(), false),
        DataTypes.createStructField("pages_total", DataTypes.LongType, false),
        DataTypes.createStructField("pages", counts(), false),
        DataTypes.createStructField("pages_per_second", DataTypes.DoubleType, false),
        DataTypes.createStructField("pipeline", DataTypes.StringType, true),
        DataTypes.createStructField("model_fingerprint", DataTypes.StringType, true),
        DataTypes.createStructField("settings", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType,
                true), true),
        DataTypes.createStructField("quire_version", DataTypes.StringType, true),
        DataTypes.createStructField("spark_master", DataTypes.StringType, true),
        DataTypes.createStructField("spark_application_id", DataTypes.StringType, true),
        DataTypes.createStructField("output", DataTypes.StringType, true),
        DataTypes.createStructField("inputs", DataTypes.createArrayType(DataTypes.StringType, true), true),
    });

    private RunsTable() {
    }

    /** The rows of the given committed runs, in the order given (oldest first from {@link CommittedRuns}). */
    public static Dataset<Row> read(SparkSession spark, OutputLayout layout, List<String> runIds) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Row> rows = new ArrayList<>(runIds.size());
        for (String id : runIds) {
            Path file = new Path(layout.manifest(id));
            try {
                rows.add(row(RunManifest.read(file, conf)));
            } catch (IOException e) {
                throw new QuireException("cannot read run manifest '" + file + "': " + firstLine(e), e);
            }
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    static Row row(RunManifest m) {
        Map<String, Long> documents = new LinkedHashMap<>();
        for (DocumentStatus s : DocumentStatus.values()) {
            documents.put(s.label(), 0L);
        }
        Map<String, Long> pages = new LinkedHashMap<>();
        for (PageMethod p : PageMethod.values()) {
            pages.put(p.label(), 0L);
        }
        if (m.documents() != null) {
            documents.putAll(m.documents());
        }
        if (m.pages() != null) {
            pages.putAll(m.pages());
        }
        Map<String, String> settings = null;
        if (m.settings() != null) {
            settings = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : m.settings().entrySet()) {
                settings.put(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue()));
            }
        }
        return RowFactory.create(m.runId(), timestamp(m.startedAt()), timestamp(m.finishedAt()), m.seconds(),
                sum(documents), documents, sum(pages), pages, m.pagesPerSecond(), m.pipeline(),
                m.modelFingerprint(), settings, m.quireVersion(), m.sparkMaster(), m.sparkApplicationId(), m.output(),
                m.inputs());
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A manifest's ISO-8601 instant; null when a hand-edited manifest holds something else. */
    private static Timestamp timestamp(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Timestamp.from(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static org.apache.spark.sql.types.MapType counts() {
        return DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false);
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
