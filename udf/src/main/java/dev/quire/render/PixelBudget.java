package dev.quire.render;

/** Chooses a render scale that honours both the requested DPI and the pixel cap. */
public final class PixelBudget {
    /** Java images cannot be wider or taller than this (and huge strips are useless to OCR). */
    static final int MAX_SIDE = 32_000;

    private PixelBudget() {
    }

    /** Pixels per PDF point for a page of {@code w}×{@code h} points. */
    public static double scale(double widthPt, double heightPt, double dpi, long maxPixels) {
        double scale = dpi / 72.0;
        double w = Math.max(widthPt, 1);
        double h = Math.max(heightPt, 1);
        double pixels = w * scale * h * scale;
        if (pixels > maxPixels) {
            scale = Math.sqrt(maxPixels / (w * h));
        }
        double side = Math.max(w, h) * scale;
        if (side > MAX_SIDE) {
            scale *= MAX_SIDE / side;
        }
        return scale;
    }
}
