package dev.quire.image;

/** Projective transforms between four point pairs (OpenCV's getPerspectiveTransform). */
public final class Homography {
    private Homography() {
    }

    /**
     * The 3×3 matrix (row-major) that maps the corners of the rectangle (0,0),(w,0),(w,h),(0,h)
     * onto {@code quad} (x1,y1,…,x4,y4) in that order.
     */
    public static double[] fromRectangle(int width, int height, float[] quad) {
        double[] from = {0, 0, width, 0, width, height, 0, height};
        double[] to = new double[8];
        for (int i = 0; i < 8; i++) {
            to[i] = quad[i];
        }
        return between(from, to);
    }

    /** The matrix mapping each point {@code from[i]} to {@code to[i]} (four points each). */
    public static double[] between(double[] from, double[] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[2 * i];
            double y = from[2 * i + 1];
            double u = to[2 * i];
            double v = to[2 * i + 1];
            a[i] = new double[] {x, y, 1, 0, 0, 0, -x * u, -y * u, u};
            a[i + 4] = new double[] {0, 0, 0, x, y, 1, -x * v, -y * v, v};
        }
        double[] s = solve(a);
        return new double[] {s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], 1};
    }

    /** Gaussian elimination with partial pivoting on an n×(n+1) augmented matrix. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double p = a[col][col];
            if (Math.abs(p) < 1e-12) {
                throw new IllegalArgumentException("degenerate quadrilateral: points are collinear");
            }
            for (int r = 0; r < n; r++) {
                if (r == col) {
                    continue;
                }
                double f = a[r][col] / p;
                if (f != 0) {
                    for (int c = col; c <= n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }
}
