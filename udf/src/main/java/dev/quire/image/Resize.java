package dev.quire.image;

/**
 * Bilinear resampling with OpenCV's {@code INTER_LINEAR} conventions (pixel centres at +0.5,
 * edge samples clamped, no anti-aliasing when shrinking), so model inputs match the reference.
 */
public final class Resize {
    private Resize() {
    }

    public static GrayImage bilinear(GrayImage src, int width, int height) {
        if (width == src.width() && height == src.height()) {
            return src;
        }
        Axis xs = Axis.of(src.width(), width);
        Axis ys = Axis.of(src.height(), height);
        byte[] in = src.pixels();
        byte[] out = new byte[width * height];
        int sw = src.width();
        for (int y = 0; y < height; y++) {
            int r0 = ys.lo[y] * sw;
            int r1 = ys.hi[y] * sw;
            float wy = ys.frac[y];
            int o = y * width;
            for (int x = 0; x < width; x++) {
                int lo = xs.lo[x];
                int hi = xs.hi[x];
                float wx = xs.frac[x];
                float top = (in[r0 + lo] & 0xFF) * (1 - wx) + (in[r0 + hi] & 0xFF) * wx;
                float bottom = (in[r1 + lo] & 0xFF) * (1 - wx) + (in[r1 + hi] & 0xFF) * wx;
                out[o + x] = (byte) Math.round(top * (1 - wy) + bottom * wy);
            }
        }
        return new GrayImage(width, height, out);
    }

    /** Source indices and weights for one axis of a resize from {@code in} to {@code out} samples. */
    private record Axis(int[] lo, int[] hi, float[] frac) {
        static Axis of(int in, int out) {
            int[] lo = new int[out];
            int[] hi = new int[out];
            float[] frac = new float[out];
            double scale = (double) in / out;
            for (int i = 0; i < out; i++) {
                double f = (i + 0.5) * scale - 0.5;
                int s = (int) Math.floor(f);
                double w = f - s;
                if (s < 0) {
                    s = 0;
                    w = 0;
                }
                if (s >= in - 1) {
                    s = in - 1;
                    w = 0;
                }
                lo[i] = s;
                hi[i] = Math.min(s + 1, in - 1);
                frac[i] = (float) w;
            }
            return new Axis(lo, hi, frac);
        }
    }
}
