package dev.quire.cli;

import dev.quire.InvalidSettingsException;
import dev.quire.local.InputFiles;
import dev.quire.local.LocalRunner;
import dev.quire.local.Progress;
import dev.quire.ocr.Engines;
import dev.quire.ocr.StageFigures;
import dev.quire.ocr.StageStats;
import dev.quire.pipeline.ProcessingMode;
import dev.quire.pipeline.PipelineSettings;
import dev.quire.render.FontCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code quire ocr}: OCR single documents on this machine, without Spark. */
@Command(name = "ocr", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"OCR PDF files on this machine (no Spark) and print or write their text.",
                "Pages with a usable text layer take their embedded text (mode auto); others are rendered "
                        + "and read with PP-OCR. Directories are searched for *.pdf recursively."},
        footerHeading = "%nExamples:%n",
        footer = {"  quire ocr scan.pdf                      text on stdout, pages separated by form feeds",
                "  quire ocr -o out/ --format json a.pdf b.pdf   out/a.json, out/b.json",
                "  quire ocr --mode ocr --dpi 300 --device cuda:0 book.pdf",
                "  quire ocr --mode ocr -q --stats --stats-json stages.json --rec-batch-wait 10 scans/",
                "%nExit status: 0 all documents ok, 1 failure (models, device, output), 2 bad command line,",
                "3 finished but some documents failed (one error line each on stderr)."})
final class OcrCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "PDF files or directories of PDFs.")
    private List<Path> inputs;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
            description = "Write DIR/NAME.txt (or .json) per input instead of printing to stdout.")
    private Path outputDir;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (pages separated by form feeds) or json (lines, boxes, confidences). Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Mixin
    private PipelineOptions pipeline;

    @Option(names = "--workers", paramLabel = "N",
            description = "Pages processed in parallel. Default: the number of CPU cores.")
    private Integer workers;

    @Option(names = "--stats", description = "Print throughput and per-stage timings on stderr at the end.")
    private boolean stats;

    @Option(names = "--stats-json", paramLabel = "FILE",
            description = "Write the per-stage figures (render pages/s, detect images/s, recognize lines/s, batch fill, "
                    + "session busy time) as JSON to FILE ('-' for stdout).")
    private String statsJson;

    @Option(names = {"-q", "--quiet"}, description = "No progress line on stderr.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PipelineSettings settings = pipeline.settings();
        int threads = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (threads < 1) {
            throw InvalidSettingsException.of("workers", threads, "a positive integer");
        }
        Thread warm = new Thread(FontCache::warm, "quire-font-cache");
        warm.setDaemon(true);
        warm.start();
        StageStats before = StageStats.NONE;
        if (settings.mode() != ProcessingMode.TEXT) {
            // load the models (and resolve the device) now: a device that cannot be used fails before any work
            before = Engines.shared(settings.engine()).stats();
        }
        List<Path> files = InputFiles.expand(inputs);
        PrintWriter stderr = spec.commandLine().getErr();
        DocumentOutput out = new DocumentOutput(outputDir, format == Format.json, spec.commandLine().getOut(), stderr);
        RunStats totals = new RunStats();
        Progress progress = quiet ? Progress.NONE : ConsoleProgress.forStderr();
        new LocalRunner(settings, threads).run(files, d -> {
            totals.add(d);
            out.write(d);
        }, progress);
        out.finish();
        StageStats stages = settings.mode() == ProcessingMode.TEXT ? StageStats.NONE
                : Engines.shared(settings.engine()).stats().minus(before).withRender(totals.ocrPages(), totals.renderSeconds());
        double wall = totals.seconds();
        if (stats) {
            stderr.println(totals.summary());
            stderr.println(StageFigures.text(stages, wall));
            stderr.flush();
        }
        if (statsJson != null) {
            StatsJson.write(statsJson, StatsJson.figures(settings, stages, wall), spec.commandLine().getOut());
        }
        return totals.failedDocuments() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }
}
