package dev.quire.ocr.detect;

import dev.quire.image.GrayImage;
import dev.quire.image.Resize;

/**
 * The detector's input tensor for one page: PaddleOCR's {@code DetResizeForTest} (limit type
 * "max") then ImageNet normalisation, a gray page replicated into the three channels.
 */
public record DetectorInput(int width, int height, float[] chw) {
    /** ImageNet statistics in the channel order the reference feeds (BGR image, RGB-listed constants). */
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    /** Input width and height for a page: longest side at most {@code limit}, both multiples of 32. */
    public static int[] inputSize(int width, int height, int limit) {
        double ratio = Math.max(width, height) > limit ? (double) limit / Math.max(width, height) : 1.0;
        int h = (int) (height * ratio);
        int w = (int) (width * ratio);
        // Python's round() is half-to-even, as Math.rint
        h = Math.max((int) Math.rint(h / 32.0) * 32, 32);
        w = Math.max((int) Math.rint(w / 32.0) * 32, 32);
        return new int[] {w, h};
    }

    public static DetectorInput of(GrayImage page, int limit) {
        int[] size = inputSize(page.width(), page.height(), limit);
        GrayImage resized = Resize.bilinear(page, size[0], size[1]);
        int plane = size[0] * size[1];
        float[] chw = new float[3 * plane];
        byte[] px = resized.pixels();
        for (int c = 0; c < 3; c++) {
            float scale = 1f / (255f * STD[c]);
            float shift = MEAN[c] / STD[c];
            int base = c * plane;
            for (int i = 0; i < plane; i++) {
                chw[base + i] = (px[i] & 0xFF) * scale - shift;
            }
        }
        return new DetectorInput(size[0], size[1], chw);
    }
}
