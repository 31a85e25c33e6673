package dev.quire.ocr.detect;

/** Horizontal extent of a convex polygon along one scanline, for polygon filling. */
final class ConvexSpan {
    private ConvexSpan() {
    }

    /** {min x, max x} where the row {@code y} crosses the polygon's edges, or null if it misses. */
    static double[] at(int[] px, int[] py, int y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = px.length;
        for (int i = 0; i < n; i++) {
            int x1 = px[i];
            int y1 = py[i];
            int x2 = px[(i + 1) % n];
            int y2 = py[(i + 1) % n];
            if (y < Math.min(y1, y2) || y > Math.max(y1, y2)) {
                continue;
            }
            if (y1 == y2) {
                lo = Math.min(lo, Math.min(x1, x2));
                hi = Math.max(hi, Math.max(x1, x2));
            } else {
                double x = x1 + (double) (y - y1) * (x2 - x1) / (y2 - y1);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return lo > hi ? null : new double[] {lo, hi};
    }
}
