package dev.quire.ocr.recognize;

import dev.quire.image.GrayImage;
import dev.quire.image.Resize;

import java.util.List;

/**
 * One recogniser input batch, PaddleOCR's {@code resize_norm_img}: every line scaled to height 48
 * keeping its aspect (width rounded up, capped at the batch width), values mapped to [-1, 1],
 * zero padding on the right up to the batch width = 48 × max(minWidth/48, widest aspect).
 *
 * @param widths the resized (unpadded) width of each line
 */
public record LineBatch(int count, int width, float[] nchw, int[] widths) {

    /** A recognition batch: as wide as its widest line at height 48, and at least {@code minWidth}. */
    public static LineBatch forRecognition(List<GrayImage> lines, int minWidth) {
        int h = RecognitionSettings.HEIGHT;
        double maxRatio = (double) minWidth / h;
        for (GrayImage line : lines) {
            maxRatio = Math.max(maxRatio, (double) line.width() / line.height());
        }
        return of(lines, (int) (h * maxRatio));
    }

    /** A batch of fixed width: longer lines are squeezed to it, shorter ones padded. */
    public static LineBatch of(List<GrayImage> lines, int width) {
        int h = RecognitionSettings.HEIGHT;
        int plane = h * width;
        float[] data = new float[lines.size() * 3 * plane];
        int[] widths = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            GrayImage line = lines.get(i);
            int resized = resizedWidth(line, width, h);
            widths[i] = resized;
            fill(Resize.bilinear(line, resized, h), data, i * 3 * plane, width, plane);
        }
        return new LineBatch(lines.size(), width, data, widths);
    }

    /** Width of a line scaled to height {@code h}: ceil(h × aspect), at most {@code cap}. */
    static int resizedWidth(GrayImage line, int cap, int h) {
        double ratio = (double) line.width() / line.height();
        int w = (int) Math.ceil(h * ratio);
        return Math.max(1, Math.min(w, cap));
    }

    /** Writes the normalised line into all three channel planes of one batch item. */
    static void fill(GrayImage img, float[] data, int offset, int stride, int plane) {
        byte[] px = img.pixels();
        int w = img.width();
        for (int y = 0; y < img.height(); y++) {
            int row = offset + y * stride;
            for (int x = 0; x < w; x++) {
                float v = (px[y * w + x] & 0xFF) / 127.5f - 1f;
                data[row + x] = v;
                data[row + plane + x] = v;
                data[row + 2 * plane + x] = v;
            }
        }
    }
}
