package dev.quire.cli;

import dev.quire.local.Progress;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-line progress display on stderr (pages done/total, pages/s, ETA), only on a terminal. */
final class ConsoleProgress implements Progress {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final long start = System.nanoTime();
    private long lastDraw;

    static Progress forStderr() {
        return System.console() == null ? NONE : new ConsoleProgress();
    }

    @Override
    public void pagesQueued(int pages) {
        total.addAndGet(pages);
        draw(false);
    }

    @Override
    public void pagesDone(int pages) {
        done.addAndGet(pages);
        draw(false);
    }

    @Override
    public void finish() {
        draw(true);
        System.err.print("\r\033[K");
        System.err.flush();
    }

    private synchronized void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        int d = done.get();
        int t = total.get();
        double seconds = (now - start) / 1e9;
        double rate = d / Math.max(seconds, 1e-9);
        String eta = d == 0 ? "--" : formatSeconds((t - d) / Math.max(rate, 1e-9));
        int width = 30;
        int filled = t == 0 ? 0 : (int) ((long) width * d / t);
        System.err.printf(Locale.ROOT, "\r[%s%s] %d/%d pages  %.2f pages/s  ETA %s\033[K",
                "#".repeat(filled), " ".repeat(width - filled), d, t, rate, eta);
        System.err.flush();
    }

    private static String formatSeconds(double s) {
        long v = Math.round(s);
        return v >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", v / 3600, v % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", v / 60, v % 60);
    }
}
