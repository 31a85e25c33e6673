package dev.quire.render;

import dev.quire.InvalidSettingsException;

import java.io.Serializable;

/**
 * How pages are rasterised.
 *
 * @param dpi        resolution pages are rendered at (before the pixel cap)
 * @param maxPixels  most pixels a rendered page may have; larger pages are rendered at a lower
 *                   resolution instead, so a 200-inch page cannot exhaust the heap
 * @param fastHints  bilinear, speed-over-quality rendering hints (about halves scan render time)
 * @param scanResolution render a page that is one big image (a scan) at that image's own
 *                   resolution when it is lower than {@code dpi}: more pixels would be interpolated
 */
public record RenderSettings(int dpi, long maxPixels, boolean fastHints, boolean scanResolution)
        implements Serializable {
    public static final int DEFAULT_DPI = 200;
    /** About an A2 sheet at 200 DPI. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    public static final int MIN_DPI = 36;
    public static final int MAX_DPI = 1200;
    /** A page counts as a scan when one image covers at least this share of it. */
    public static final double SCAN_COVERAGE = 0.8;

    public static final RenderSettings DEFAULTS = new RenderSettings(DEFAULT_DPI, DEFAULT_MAX_PIXELS, true, true);

    public RenderSettings {
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw InvalidSettingsException.of("dpi", dpi, MIN_DPI + ".." + MAX_DPI);
        }
        if (maxPixels < 10_000 || maxPixels > 500_000_000L) {
            throw InvalidSettingsException.of("maxPixels", maxPixels, "10000..500000000");
        }
    }

    public RenderSettings withDpi(int value) {
        return new RenderSettings(value, maxPixels, fastHints, scanResolution);
    }

    public RenderSettings withScanResolution(boolean value) {
        return new RenderSettings(dpi, maxPixels, fastHints, value);
    }

    public RenderSettings withMaxPixels(long value) {
        return new RenderSettings(dpi, value, fastHints, scanResolution);
    }
}
