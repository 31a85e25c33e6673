package dev.quire.job;

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

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

/**
 * What readers see: only committed runs (those with a manifest), and per document the latest
 * committed row that read it ({@code skipped} rows only say that a document was seen again, so
 * they never hide the row that holds its result). Pages are those of the current rows' runs.
 */
public final class CurrentView {
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

    /** The current row per document (per path for files that could not be read at all). */
    public Dataset<Row> documents() {
        Dataset<Row> rows = allDocuments().filter(col(OutputSchema.STATUS).notEqual(lit("skipped")));
        var key = coalesce(col(OutputSchema.DOC_ID), concat(lit("path:"), col(OutputSchema.PATH)));
        var latest = Window.partitionBy(key).orderBy(col(OutputSchema.RUN_ID).desc(), col(OutputSchema.PATH).asc());
        return rows.withColumn("_n", row_number().over(latest)).filter(col("_n").equalTo(1)).drop("_n");
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
