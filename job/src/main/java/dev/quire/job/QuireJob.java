package dev.quire.job;

import dev.quire.QuireException;
import dev.quire.local.Progress;
import dev.quire.ocr.StageFigures;
import dev.quire.pipeline.DocumentStatus;
import dev.quire.pipeline.PageMethod;
import dev.quire.pipeline.PageRange;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The Spark job: scan inputs, probe files on executors (hash, page count), split documents into
 * page-range tasks, OCR them in {@code mapPartitions} with one engine per executor JVM, write
 * {@code pages} then {@code documents} Parquet, and commit the run by writing its manifest last.
 */
public final class QuireJob {
    private static final Logger LOG = LoggerFactory.getLogger(QuireJob.class);
    private static final long PROGRESS_POLL_MS = 500;

    private final SparkSession spark;

    public QuireJob(SparkSession spark) {
        this.spark = spark;
    }

    public RunSummary run(RunSettings s, Progress progress) {
        Instant started = Instant.now();
        String runId = RunIds.next(started);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        OutputLayout layout = new OutputLayout(s.output());
        prepareOutput(layout, conf);
        PipelineFingerprint fingerprint = PipelineFingerprint.of(s.pipeline());
        String pipeline = fingerprint.pipeline();
        List<SourceFile> files = InputScan.scan(s.inputs(), conf);
        LOG.info("run {}: {} input files, pipeline {}", runId, files.size(), pipeline);

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf hadoop = new HadoopConf(conf);
        List<ProbedFile> probed = files.isEmpty() ? List.of()
                : jsc.parallelize(files, slices(files.size(), jsc.defaultParallelism()))
                        .mapPartitions(new ProbeFunction(hadoop, s.pipeline().maxPages())).collect();

        Map<String, DocumentRows.Earlier> earlier = s.incremental() ? earlierResults(layout, pipeline) : Map.of();
        Map<String, ProbedFile> toRead = new LinkedHashMap<>();
        for (ProbedFile f : probed) {
            if (f.readable() && !earlier.containsKey(f.docId())) {
                toRead.putIfAbsent(f.docId(), f);   // identical files are read once
            }
        }
        List<PageTask> tasks = new ArrayList<>();
        for (ProbedFile f : toRead.values()) {
            for (PageRange r : PageRange.split(f.pageCount(), s.pagesPerTask())) {
                tasks.add(new PageTask(f.docId(), f.source().path(), r));
            }
        }
        int totalPages = toRead.values().stream().mapToInt(ProbedFile::pageCount).sum();
        progress.runPlanned(runId, toRead.size(), totalPages);
        for (ProbedFile f : probed) {
            if (!f.readable()) {
                progress.documentDone(f.docId(), f.source().path(), f.problem().label(), f.pageCount());
            } else if (earlier.containsKey(f.docId())) {
                progress.documentDone(f.docId(), f.source().path(), DocumentStatus.SKIPPED.label(), f.pageCount());
            }
        }

        // per-stage figures from every executor's engine (Spark may count a recomputed task twice)
        StageStatsAccumulator stages = new StageStatsAccumulator();
        EngineReports.sinceLastReport();   // local mode: what this JVM's engines did before this run is not its work
        jsc.sc().register(stages, "quire stage figures");
        Map<String, DocumentRows.PageTotals> totals = tasks.isEmpty() ? Map.of()
                : readPages(jsc, hadoop, s, runId, layout, tasks, totalPages, toRead, progress, stages);

        Timestamp processedAt = Timestamp.from(Instant.now());
        DocumentRows rows = new DocumentRows(runId, pipeline, processedAt);
        List<Row> documents = new ArrayList<>(probed.size());
        Map<DocumentStatus, Long> byStatus = new EnumMap<>(DocumentStatus.class);
        for (ProbedFile f : probed) {
            DocumentRows.Written written;
            if (!f.readable()) {
                written = rows.problem(f);
            } else if (earlier.containsKey(f.docId())) {
                written = rows.skipped(f, earlier.get(f.docId()));
            } else {
                written = rows.processed(f, totals.get(f.docId()));
            }
            documents.add(written.row());
            byStatus.merge(written.status(), 1L, Long::sum);
        }
        write(spark.createDataFrame(documents, OutputSchema.DOCUMENTS).coalesce(1), Map.of(),
                layout.documents(runId));

        Map<PageMethod, Long> byMethod = new EnumMap<>(PageMethod.class);
        totals.values().forEach(t -> {
            byMethod.merge(PageMethod.OCR, (long) t.ocr(), Long::sum);
            byMethod.merge(PageMethod.TEXT_LAYER, (long) t.textLayer(), Long::sum);
            byMethod.merge(PageMethod.FAILED, (long) t.failed(), Long::sum);
        });
        Instant finished = Instant.now();
        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        RunSummary summary = new RunSummary(runId, s.output(), byStatus, byMethod, seconds,
                stages.value());
        manifest(s, runId, started, finished, fingerprint, summary).commit(layout, conf);
        return summary;
    }

    /** OCR stage: writes the pages table and returns each document's page totals. */
    private Map<String, DocumentRows.PageTotals> readPages(JavaSparkContext jsc, HadoopConf hadoop, RunSettings s,
                                                           String runId, OutputLayout layout, List<PageTask> tasks,
                                                           int totalPages, Map<String, ProbedFile> toRead,
                                                           Progress progress, StageStatsAccumulator stages) {
        CollectionAccumulator<RangeDone> done = jsc.sc().collectionAccumulator("quire page ranges done");
        JavaRDD<Row> pageRows = jsc.parallelize(tasks, slices(tasks.size(), jsc.defaultParallelism()))
                .mapPartitions(new OcrPartitionFunction(hadoop, s.pipeline(), runId, done, stages));
        progress.pagesQueued(totalPages);
        try (ProgressPoller poller = new ProgressPoller(done, progress, toRead, PROGRESS_POLL_MS)) {
            jsc.setJobDescription("quire run " + runId + ": OCR " + totalPages + " pages");
            write(spark.createDataFrame(pageRows, OutputSchema.PAGES), OutputSchema.PAGES_WRITE_OPTIONS,
                    layout.pages(runId));
        } finally {
            progress.finish();
        }
        Dataset<Row> pages = spark.read().parquet(layout.pages(runId));
        List<Row> agg = pages.groupBy(OutputSchema.DOC_ID).agg(
                count(lit(1)).as("pages"),
                sum(when(col(OutputSchema.METHOD).equalTo(PageMethod.OCR.label()), 1).otherwise(0)).as("ocr"),
                sum(when(col(OutputSchema.METHOD).equalTo(PageMethod.TEXT_LAYER.label()), 1).otherwise(0)).as("text"),
                sum(when(col(OutputSchema.METHOD).equalTo(PageMethod.FAILED.label()), 1).otherwise(0)).as("failed"),
                avg(when(col(OutputSchema.METHOD).equalTo(PageMethod.OCR.label()), col(OutputSchema.CONFIDENCE)))
                        .as("conf"),
                first(col(OutputSchema.ERROR), true).as("error")).collectAsList();
        Map<String, DocumentRows.PageTotals> totals = new HashMap<>();
        for (Row r : agg) {
            totals.put(r.getString(0), new DocumentRows.PageTotals((int) r.getLong(1), (int) r.getLong(2),
                    (int) r.getLong(3), (int) r.getLong(4), r.isNullAt(5) ? null : (float) r.getDouble(5),
                    r.getString(6)));
        }
        return totals;
    }

    /** Documents this pipeline already read successfully in a committed run. */
    private Map<String, DocumentRows.Earlier> earlierResults(OutputLayout layout, String pipeline) {
        Map<String, DocumentRows.Earlier> out = new HashMap<>();
        Dataset<Row> current = new CurrentView(spark, layout).documents()
                .filter(col(OutputSchema.STATUS).equalTo(DocumentStatus.OK.label())
                        .and(col(OutputSchema.PIPELINE).equalTo(pipeline)))
                .select(OutputSchema.DOC_ID, OutputSchema.RESULT_RUN_ID, OutputSchema.PAGE_COUNT,
                        OutputSchema.PAGES_OCR, OutputSchema.PAGES_TEXT_LAYER, OutputSchema.MEAN_CONFIDENCE);
        for (Row r : current.collectAsList()) {
            out.put(r.getString(0), new DocumentRows.Earlier(r.getString(1), r.getInt(2), r.getInt(3), r.getInt(4),
                    r.isNullAt(5) ? null : r.getFloat(5)));
        }
        return out;
    }

    private static void write(Dataset<Row> rows, Map<String, String> options, String path) {
        try {
            rows.write().mode(SaveMode.ErrorIfExists).options(options).parquet(path);
        } catch (RuntimeException e) {
            if (e instanceof QuireException q) {
                throw q;
            }
            throw new QuireException("cannot write '" + path + "': " + firstLine(e), e);
        }
    }

    private static void prepareOutput(OutputLayout layout, Configuration conf) {
        Path root = new Path(layout.root());
        try {
            root.getFileSystem(conf).mkdirs(root);
        } catch (IOException | RuntimeException e) {
            throw new QuireException("cannot create output directory '" + layout.root() + "': " + firstLine(e), e);
        }
    }

    private RunManifest manifest(RunSettings s, String runId, Instant started, Instant finished,
                                 PipelineFingerprint fingerprint, RunSummary summary) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("mode", s.pipeline().mode().label());
        settings.put("dpi", s.pipeline().render().dpi());
        settings.put("max_pixels", s.pipeline().render().maxPixels());
        settings.put("device", s.pipeline().engine().device().toString());
        settings.put("classifier", s.pipeline().engine().classifier().name().toLowerCase(Locale.ROOT));
        settings.put("restore_spaces", s.pipeline().engine().restoreSpaces());
        settings.put("det_limit", s.pipeline().engine().detection().limitSideLen());
        settings.put("model_dir", s.pipeline().engine().modelDir());
        settings.put("pages_per_task", s.pagesPerTask());
        settings.put("incremental", s.incremental());
        Map<String, Long> documents = new LinkedHashMap<>();
        summary.documents().forEach((k, v) -> documents.put(k.label(), v));
        Map<String, Long> pages = new LinkedHashMap<>();
        summary.pages().forEach((k, v) -> pages.put(k.label(), v));
        String version = QuireJob.class.getPackage().getImplementationVersion();
        return new RunManifest(runId, version == null ? "development" : version, started.toString(),
                finished.toString(), summary.seconds(), s.inputs(), s.output(), fingerprint.pipeline(),
                fingerprint.models(), settings, documents,
                pages, summary.pagesProcessed() / Math.max(summary.seconds(), 1e-9), spark.sparkContext().master(),
                spark.sparkContext().applicationId(), StageFigures.map(summary.stages(), summary.seconds()));
    }

    /** Partitions for {@code n} items: enough for balance and a responsive progress bar, not one file per page. */
    static int slices(int n, int parallelism) {
        return Math.max(1, Math.min(n, Math.max(1, parallelism) * 8));
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
