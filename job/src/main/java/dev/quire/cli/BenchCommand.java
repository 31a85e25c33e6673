package dev.quire.cli;

import dev.quire.InvalidSettingsException;
import dev.quire.QuireException;
import dev.quire.image.GrayImage;
import dev.quire.local.InputFiles;
import dev.quire.ocr.EngineSettings;
import dev.quire.ocr.ModelBound;
import dev.quire.pipeline.PipelineSettings;
import dev.quire.render.DocumentException;
import dev.quire.render.PdfDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code quire bench}: the model bound. Runs the detection and recognition models alone on the
 * device, at the shapes a corpus sample gives them, and prints what pages/s they allow.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the OCR models alone on a device at the shapes the pipeline feeds them, and the pages/s "
                + "they allow (the bound that end-to-end throughput is compared with).",
                "The first pages of FILE are rendered and detected once; then detection runs at batch 1 on those "
                        + "page sizes and recognition in full batches of their lines, padded to the width buckets, "
                        + "from --threads threads for --seconds each. Inputs are prepared outside the timing."},
        footerHeading = "%nExamples:%n",
        footer = {"  quire bench samples/                         CPU or CUDA (auto), 20 pages, all cores",
                "  quire bench --device cuda --rec-batch 32 --threads 4 --pages 50 corpus/scans/",
                "  quire bench --device cpu --ocr-threads 1 --json bound.json scans/",
                "%nbound pages/s = 1 / (1 / det images/s + lines per page / rec lines/s): detection and recognition",
                "share the device; rendering (CPU) and the classifier are left out.",
                "%nExit status: 0 measured, 1 failure (models, device, unreadable corpus), 2 bad command line."})
final class BenchCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "PDF files or directories (the corpus sample).")
    private List<Path> inputs;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "20",
            description = "Pages to sample from the start of the corpus. Default: ${DEFAULT-VALUE}.")
    private int pages;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads calling each model at once (like concurrent tasks). Default: the number of CPU cores.")
    private Integer threads;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "Timed seconds per model (at least one pass over the sample). Default: ${DEFAULT-VALUE}.")
    private double seconds;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE ('-' for stdout).")
    private String json;

    @Mixin
    private PipelineOptions pipeline;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PipelineSettings settings = pipeline.settings();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1 || threadCount > 1024) {
            throw InvalidSettingsException.of("--threads", threadCount, "1..1024");
        }
        if (pages < 1) {
            throw InvalidSettingsException.of("--pages", pages, "a positive integer");
        }
        if (!(seconds > 0 && seconds <= 3600)) {
            throw InvalidSettingsException.of("--seconds", seconds, "a number of seconds in (0, 3600]");
        }
        PrintWriter err = spec.commandLine().getErr();
        long renderStart = System.nanoTime();
        List<GrayImage> sample = render(settings, pages);
        double renderSeconds = (System.nanoTime() - renderStart) / 1e9;
        EngineSettings engine = settings.engine();
        try (ModelBound bound = ModelBound.open(engine)) {
            int batch = bound.pipelineBatch();
            ModelBound.Sample s = bound.prepare(sample, batch, engine.recognition().widthBucket());
            err.printf(Locale.ROOT, "bench: %d pages (det inputs %s), %d lines, rec batch %d at widths %s, on %s, %d threads%n",
                    s.pages(), s.detShapes(), s.lines(), batch, s.recWidths(), bound.device(), threadCount);
            err.flush();
            ModelBound.Rate det = bound.detect(threadCount, seconds);
            ModelBound.Rate rec = bound.recognize(threadCount, seconds);
            double pagesPerSecond = ModelBound.pagesPerSecond(det, rec, s.linesPerPage());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("device", bound.device().toString());
            m.put("threads", threadCount);
            m.put("pages", s.pages());
            m.put("lines", s.lines());
            m.put("lines_per_page", round(s.linesPerPage()));
            m.put("det_shapes", s.detShapes());
            m.put("rec_batch", batch);
            m.put("rec_widths", s.recWidths());
            m.put("det_images_per_second", round(det.perSecond()));
            m.put("rec_lines_per_second", round(rec.perSecond()));
            m.put("render_pages_per_second_one_thread", round(s.pages() / renderSeconds));
            m.put("bound_pages_per_second", round(pagesPerSecond));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "device %s, %d threads, %d pages sampled, %.1f lines/page%n", bound.device(),
                    threadCount, s.pages(), s.linesPerPage());
            out.printf(Locale.ROOT, "det alone:  %8.2f images/s  (batch 1, %d calls in %.1f s)%n", det.perSecond(),
                    det.calls(), det.seconds());
            out.printf(Locale.ROOT, "rec alone:  %8.2f lines/s   (batch %d, %d calls in %.1f s)%n", rec.perSecond(),
                    batch, rec.calls(), rec.seconds());
            out.printf(Locale.ROOT, "render:     %8.2f pages/s   (one thread, sample rendering; not in the bound)%n",
                    s.pages() / renderSeconds);
            out.printf(Locale.ROOT, "model bound: %.2f pages/s%n", pagesPerSecond);
            out.flush();
            if (json != null) {
                StatsJson.write(json, m, out);
            }
        }
        return ExitCodes.OK;
    }

    /** The first {@code limit} pages of the inputs, rendered as the pipeline renders them for OCR. */
    private List<GrayImage> render(PipelineSettings settings, int limit) {
        List<GrayImage> out = new ArrayList<>();
        for (Path file : InputFiles.expand(inputs)) {
            try (PdfDocument doc = PdfDocument.open(file)) {
                for (int i = 0; i < doc.pageCount() && out.size() < limit; i++) {
                    out.add(doc.render(i, settings.render()).image());
                }
            } catch (DocumentException e) {
                throw new QuireException("bench: " + e.getMessage(), e);
            }
            if (out.size() >= limit) {
                break;
            }
        }
        if (out.isEmpty()) {
            throw new QuireException("bench: no pages in " + inputs);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
