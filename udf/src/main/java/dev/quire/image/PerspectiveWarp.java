package dev.quire.image;

/**
 * Cuts a quadrilateral out of an image and straightens it into an upright rectangle, like
 * OpenCV's {@code getPerspectiveTransform} + {@code warpPerspective} with bicubic interpolation
 * (a = -0.75) and replicated borders.
 */
public final class PerspectiveWarp {
    private static final double CUBIC_A = -0.75;

    private PerspectiveWarp() {
    }

    /**
     * Warps the quadrilateral {@code quad} (x1,y1,…,x4,y4: top-left, top-right, bottom-right,
     * bottom-left) of {@code src} to a {@code width}×{@code height} image.
     */
    public static GrayImage warp(GrayImage src, float[] quad, int width, int height) {
        double[] h = Homography.fromRectangle(width, height, quad);
        if (isIntegerTranslation(h)) {
            return copy(src, (int) Math.round(h[2]), (int) Math.round(h[5]), width, height);
        }
        byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double w = h[6] * x + h[7] * y + h[8];
                w = w == 0 ? 0 : 1 / w;
                double sx = (h[0] * x + h[1] * y + h[2]) * w;
                double sy = (h[3] * x + h[4] * y + h[5]) * w;
                out[y * width + x] = (byte) sampleCubic(src, sx, sy);
            }
        }
        return new GrayImage(width, height, out);
    }

    private static boolean isIntegerTranslation(double[] h) {
        double eps = 1e-9;
        return Math.abs(h[0] - 1) < eps && Math.abs(h[1]) < eps && Math.abs(h[3]) < eps
                && Math.abs(h[4] - 1) < eps && Math.abs(h[6]) < eps && Math.abs(h[7]) < eps
                && Math.abs(h[8] - 1) < eps
                && Math.abs(h[2] - Math.rint(h[2])) < 1e-6 && Math.abs(h[5] - Math.rint(h[5])) < 1e-6;
    }

    private static GrayImage copy(GrayImage src, int x0, int y0, int width, int height) {
        byte[] out = new byte[width * height];
        boolean inside = x0 >= 0 && y0 >= 0 && x0 + width <= src.width() && y0 + height <= src.height();
        for (int y = 0; y < height; y++) {
            if (inside) {
                System.arraycopy(src.pixels(), (y0 + y) * src.width() + x0, out, y * width, width);
            } else {
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = (byte) src.getClamped(x0 + x, y0 + y);
                }
            }
        }
        return new GrayImage(width, height, out);
    }

    private static int sampleCubic(GrayImage src, double sx, double sy) {
        int ix = (int) Math.floor(sx);
        int iy = (int) Math.floor(sy);
        double fx = sx - ix;
        double fy = sy - iy;
        double[] wx = weights(fx);
        double[] wy = weights(fy);
        double acc = 0;
        for (int j = 0; j < 4; j++) {
            double row = 0;
            for (int i = 0; i < 4; i++) {
                row += wx[i] * src.getClamped(ix - 1 + i, iy - 1 + j);
            }
            acc += wy[j] * row;
        }
        int v = (int) Math.round(acc);
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }

    private static double[] weights(double t) {
        return new double[] {kernel(t + 1), kernel(t), kernel(1 - t), kernel(2 - t)};
    }

    private static double kernel(double d) {
        double x = Math.abs(d);
        if (x <= 1) {
            return ((CUBIC_A + 2) * x - (CUBIC_A + 3)) * x * x + 1;
        }
        if (x < 2) {
            return ((CUBIC_A * x - 5 * CUBIC_A) * x + 8 * CUBIC_A) * x - 4 * CUBIC_A;
        }
        return 0;
    }
}
