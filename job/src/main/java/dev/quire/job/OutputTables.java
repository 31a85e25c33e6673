package dev.quire.job;

import dev.quire.QuireException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An output root opened for reading, as {@code quire query} and {@code quire export} see it: the
 * current {@code documents} and {@code pages} ({@link CurrentView}) and the committed
 * {@code runs}. Opening fails in one line when the root is missing or holds no committed run,
 * since an empty result would hide a mistyped path.
 */
public final class OutputTables {
    public static final String DOCUMENTS_VIEW = "documents";
    public static final String PAGES_VIEW = "pages";
    public static final String RUNS_VIEW = "runs";

    private final SparkSession spark;
    private final OutputLayout layout;
    private final CurrentView current;

    private OutputTables(SparkSession spark, OutputLayout layout, CurrentView current) {
        this.spark = spark;
        this.layout = layout;
        this.current = current;
    }

    public static OutputTables open(SparkSession spark, String output) {
        OutputLayout layout = new OutputLayout(output);
        Path root = new Path(layout.root());
        CurrentView current;
        try {
            if (!root.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(root)) {
                throw new QuireException("output '" + output + "' does not exist");
            }
            current = new CurrentView(spark, layout);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new QuireException("cannot read output '" + output + "': " + firstLine(e), e);
        }
        if (current.runs().isEmpty()) {
            throw new QuireException("output '" + output + "' has no committed run (a run counts once "
                    + layout.runsDir() + "/ID.json exists)");
        }
        return new OutputTables(spark, layout, current);
    }

    /** The current row per document. */
    public Dataset<Row> documents() {
        return current.documents();
    }

    /** The pages of the current documents. */
    public Dataset<Row> pages() {
        return current.pages();
    }

    /** One row per committed run (the same runs the other two tables are built from). */
    public Dataset<Row> runs() {
        return RunsTable.read(spark, layout, current.runs());
    }

    /** Registers {@code documents}, {@code pages} and {@code runs} as temporary views for SQL. */
    public void registerViews() {
        documents().createOrReplaceTempView(DOCUMENTS_VIEW);
        pages().createOrReplaceTempView(PAGES_VIEW);
        runs().createOrReplaceTempView(RUNS_VIEW);
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
