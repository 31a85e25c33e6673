package dev.quire.job;

import dev.quire.pipeline.DocumentStatus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

/**
 * What readers see: only committed runs (those with a manifest), and per input file (path) the
 * row of the latest committed run that saw it, so that a file whose content changed shows its new
 * content only. A row that an incremental run {@code skipped} stands for the earlier result it
 * reuses: it shows that result's status ({@code ok}, the only one reused) and
 * {@code result_run_id} names the run that holds its pages. Pages are those of the current rows.
 */
public final class CurrentView {
    private static final String SKIPPED = DocumentStatus.SKIPPED.label();
    /** Incremental runs reuse only results that were ok. */
    private static final String REUSED = DocumentStatus.OK.label();
    private final SparkSession spark;
    private final OutputLayout layout;
    private final List<String> runs;

    public CurrentView(SparkSession spark, OutputLayout layout) {
        this.spark = spark;
        this.layout = layout;
        this.runs = CommittedRuns.ids(layout, conf());
    }

    public List<String> runs() {
        return runs;
    }

    /** Every documents row of every committed run. */
    public Dataset<Row> allDocuments() {
        return read(layout::documents, OutputSchema.DOCUMENTS);
    }

    /** Every pages row of every committed run. */
    public Dataset<Row> allPages() {
        return read(layout::pages, OutputSchema.PAGES);
    }

    /** The current row per input file. */
    public Dataset<Row> documents() {
        var latest = Window.partitionBy(col(OutputSchema.PATH)).orderBy(col(OutputSchema.RUN_ID).desc());
        return allDocuments()
                .withColumn("_n", row_number().over(latest)).filter(col("_n").equalTo(1)).drop("_n")
                .withColumn(OutputSchema.STATUS, when(col(OutputSchema.STATUS).equalTo(SKIPPED), lit(REUSED))
                        .otherwise(col(OutputSchema.STATUS)));
    }

    /** The pages of the current documents. */
    public Dataset<Row> pages() {
        Dataset<Row> current = documents().filter(col(OutputSchema.DOC_ID).isNotNull())
                .select(col(OutputSchema.DOC_ID).as("_doc"), col(OutputSchema.RESULT_RUN_ID).as("_run"));
        Dataset<Row> pages = allPages();
        return pages.join(current, pages.col(OutputSchema.DOC_ID).equalTo(current.col("_doc"))
                        .and(pages.col(OutputSchema.RUN_ID).equalTo(current.col("_run"))), "left_semi");
    }

    private Dataset<Row> read(java.util.function.Function<String, String> dirOfRun, StructType schema) {
        List<String> dirs = new ArrayList<>();
        try {
            for (String run : runs) {
                Path dir = new Path(dirOfRun.apply(run));
                if (dir.getFileSystem(conf()).exists(dir)) {
                    dirs.add(dir.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (dirs.isEmpty()) {
            return spark.createDataFrame(List.of(), schema);
        }
        return spark.read().schema(schema).parquet(dirs.toArray(String[]::new));
    }

    private Configuration conf() {
        return spark.sparkContext().hadoopConfiguration();
    }
}
