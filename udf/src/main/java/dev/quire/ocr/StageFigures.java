package dev.quire.ocr;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-stage throughput from {@link StageStats} and the wall time of the run, as text for people
 * and as an ordered map for JSON. Rates are per second of the stage's own time (render
 * thread-seconds, model session seconds): what the stage does when busy. {@code busy} is that
 * time over the wall time; above 1 means several threads ran the stage at once (CPU).
 */
public final class StageFigures {
    private StageFigures() {
    }

    public static Map<String, Object> map(StageStats s, double wallSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wall_seconds", round(wallSeconds));
        m.put("render", stage(s.renderPages(), s.renderSeconds(), wallSeconds, "pages"));
        Map<String, Object> det = stage(s.detect().items(), s.detect().seconds(), wallSeconds, "images");
        det.put("calls", s.detect().calls());
        m.put("detect", det);
        Map<String, Object> cls = stage(s.classify().items(), s.classify().seconds(), wallSeconds, "lines");
        cls.put("calls", s.classify().calls());
        m.put("classify", cls);
        Map<String, Object> rec = stage(s.recognize().items(), s.recognize().seconds(), wallSeconds, "lines");
        rec.put("batches", s.recognize().calls());
        rec.put("mean_batch", round(s.recognize().meanBatch()));
        rec.put("largest_batch", s.recognize().maxItems());
        rec.put("batch_limit", s.recBatchLimit());
        rec.put("fill", round(s.recFill()));
        rec.put("queue_wait_seconds", round(s.recWaitSeconds()));
        m.put("recognize", rec);
        m.put("ocr_pages", s.ocrPages());
        m.put("lines_per_page", round(s.linesPerPage()));
        return m;
    }

    private static Map<String, Object> stage(long items, double seconds, double wall, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(unit, items);
        m.put("seconds", round(seconds));
        m.put(unit + "_per_second", round(seconds <= 0 ? 0 : items / seconds));
        m.put("busy", round(wall <= 0 ? 0 : seconds / wall));
        return m;
    }

    /** A few lines for a summary on stderr or a log. */
    public static String text(StageStats s, double wallSeconds) {
        double wall = Math.max(wallSeconds, 1e-9);
        ModelStats rec = s.recognize();
        return String.format(Locale.ROOT,
                "stage figures (rate per second of stage time; busy = stage time / %.1f s wall, summed over threads):%n"
                        + "  render     %6d pages   %8.1f s  %8.2f pages/s   busy %.2f%n"
                        + "  detect     %6d images  %8.1f s  %8.2f images/s  busy %.2f%n"
                        + "  classify   %6d lines   %8.1f s  %8.2f lines/s   busy %.2f  (%d calls)%n"
                        + "  recognize  %6d lines   %8.1f s  %8.2f lines/s   busy %.2f%n"
                        + "  rec batches %d: mean %.2f lines of at most %d (fill %.0f %%, largest %d); "
                        + "queue wait %.1f s; %.1f lines/page",
                wallSeconds,
                s.renderPages(), s.renderSeconds(), rate(s.renderPages(), s.renderSeconds()), s.renderSeconds() / wall,
                s.detect().items(), s.detect().seconds(), s.detect().itemsPerSecond(), s.detect().seconds() / wall,
                s.classify().items(), s.classify().seconds(), s.classify().itemsPerSecond(),
                s.classify().seconds() / wall, s.classify().calls(),
                rec.items(), rec.seconds(), rec.itemsPerSecond(), rec.seconds() / wall,
                rec.calls(), rec.meanBatch(), s.recBatchLimit(), 100 * s.recFill(), rec.maxItems(),
                s.recWaitSeconds(), s.linesPerPage());
    }

    private static double rate(long items, double seconds) {
        return seconds <= 0 ? 0 : items / seconds;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
