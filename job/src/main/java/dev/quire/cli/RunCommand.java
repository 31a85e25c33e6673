package dev.quire.cli;

import dev.quire.job.QuireJob;
import dev.quire.job.RunSettings;
import dev.quire.job.RunSummary;
import dev.quire.local.Progress;
import dev.quire.ocr.Engines;
import dev.quire.ocr.StageFigures;
import dev.quire.pipeline.ProcessingMode;
import dev.quire.render.FontCache;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code quire run}: the Spark job over PDF directories to Parquet. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read PDF files and directories (any Hadoop path: local, file:, hdfs:, s3a:) with Spark and "
                + "write documents and pages Parquet plus a run manifest under OUTPUT.",
                "Started directly it runs local Spark on all cores; under spark-submit it runs on the cluster."},
        footerHeading = "%nExamples:%n",
        footer = {"  quire run --input pdfs/ --output out/",
                "  quire run --input s3a://corpus/ --output s3a://ocr/ --incremental",
                "  spark-submit --class dev.quire.cli.Quire quire-cluster.jar run --input hdfs:///pdfs --output hdfs:///ocr",
                "  quire run --input big.pdf --output out/ --pages-per-task 4 --conf spark.driver.memory=1g",
                "%nOutput: OUTPUT/documents/run=ID/*.parquet, OUTPUT/pages/run=ID/*.parquet, OUTPUT/runs/ID.json",
                "(the run counts only once its manifest exists). Query it with 'quire query'.",
                "%nExit status: 0 all documents ok, 1 the job failed (input or output unusable), 2 bad command line,",
                "3 the job finished but some documents failed (see their status and error)."})
final class RunCommand implements Callable<Integer> {
    @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "PATH",
            description = "PDF files or directories (searched recursively for *.pdf, hidden files skipped).")
    private List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PATH", description = "Output root.")
    private String output;

    @Mixin
    private PipelineOptions pipeline;

    @Option(names = "--pages-per-task", paramLabel = "N", defaultValue = "" + RunSettings.DEFAULT_PAGES_PER_TASK,
            description = "Longest page range one Spark task reads; long documents become many tasks. Default: ${DEFAULT-VALUE}.")
    private int pagesPerTask;

    @Option(names = "--incremental",
            description = "Skip documents (same bytes) that a committed run already read with the same pipeline.")
    private boolean incremental;

    @Mixin
    private SparkOptions sparkOptions;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary.")
    private boolean quiet;

    @Option(names = "--events",
            description = "Print progress as JSON lines on stdout (planned, progress, document, finished, failed) for programs.")
    private boolean events;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        // validated before Spark starts, so that bad options fail fast
        RunSettings settings = new RunSettings(inputs, output, pipeline.settings(), pagesPerTask, incremental);
        Thread warm = new Thread(FontCache::warm, "quire-font-cache");
        warm.setDaemon(true);
        warm.start();
        PrintWriter err = spec.commandLine().getErr();
        SparkSession spark = sparkOptions.session("quire run", true);
        try {
            // the device may come from the Spark configuration (conf/spark-gpu.conf), known only now
            settings = new RunSettings(inputs, output,
                    pipeline.settings(spark.sparkContext().getConf().get(PipelineOptions.DEVICE_PROPERTY, null)),
                    pagesPerTask, incremental);
            if (spark.sparkContext().isLocal() && settings.pipeline().mode() != ProcessingMode.TEXT) {
                // in local mode this JVM is the executor: load the models now, so that a device that
                // cannot be used fails before any work and its warning comes before the progress bar
                Engines.shared(settings.pipeline().engine());
            }
            EventStream stream = events ? new EventStream(spec.commandLine().getOut()) : null;
            Progress progress = stream != null ? stream : (quiet ? Progress.NONE : ConsoleProgress.forStderr());
            RunSummary summary;
            try {
                summary = new QuireJob(spark).run(settings, progress);
            } catch (RuntimeException e) {
                if (stream != null) {
                    stream.failed(e.getMessage());
                }
                throw e;
            }
            if (stream != null) {
                stream.finished(summary);
            }
            if (!quiet) {
                err.println(summary.describe());
                if (summary.stages().ocrPages() > 0) {
                    err.println(StageFigures.text(summary.stages(), summary.seconds()));
                }
                err.flush();
            }
            return summary.failedDocuments() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
        } finally {
            spark.stop();
        }
    }
}
