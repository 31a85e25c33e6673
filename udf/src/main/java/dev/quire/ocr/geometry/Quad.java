package dev.quire.ocr.geometry;

import java.util.Arrays;

/**
 * A quadrilateral in image pixels: top-left, top-right, bottom-right, bottom-left, stored as
 * x1,y1,…,x4,y4. Immutable: {@link #points()} returns a copy.
 */
public final class Quad {
    private final float[] xy;

    private Quad(float[] xy) {
        this.xy = xy;
    }

    public static Quad of(float... xy) {
        if (xy.length != 8) {
            throw new IllegalArgumentException("a quad has 8 coordinates, got " + xy.length);
        }
        return new Quad(xy.clone());
    }

    /** An axis-aligned rectangle. */
    public static Quad rectangle(float left, float top, float right, float bottom) {
        return new Quad(new float[] {left, top, right, top, right, bottom, left, bottom});
    }

    public float x(int corner) {
        return xy[2 * corner];
    }

    public float y(int corner) {
        return xy[2 * corner + 1];
    }

    public float[] points() {
        return xy.clone();
    }

    public float minX() {
        return Math.min(Math.min(xy[0], xy[2]), Math.min(xy[4], xy[6]));
    }

    public float maxX() {
        return Math.max(Math.max(xy[0], xy[2]), Math.max(xy[4], xy[6]));
    }

    public float minY() {
        return Math.min(Math.min(xy[1], xy[3]), Math.min(xy[5], xy[7]));
    }

    public float maxY() {
        return Math.max(Math.max(xy[1], xy[3]), Math.max(xy[5], xy[7]));
    }

    public float centerY() {
        return (xy[1] + xy[3] + xy[5] + xy[7]) / 4;
    }

    /** Length of the longer of the top and bottom edges. */
    public double edgeWidth() {
        return Math.max(distance(0, 1), distance(3, 2));
    }

    /** Length of the longer of the left and right edges. */
    public double edgeHeight() {
        return Math.max(distance(0, 3), distance(1, 2));
    }

    private double distance(int a, int b) {
        return Math.hypot(x(a) - x(b), y(a) - y(b));
    }

    /** The same quad with every coordinate multiplied by {@code sx} (x) and {@code sy} (y). */
    public Quad scale(double sx, double sy) {
        float[] out = new float[8];
        for (int i = 0; i < 4; i++) {
            out[2 * i] = (float) (xy[2 * i] * sx);
            out[2 * i + 1] = (float) (xy[2 * i + 1] * sy);
        }
        return new Quad(out);
    }

    /** Smallest axis-aligned rectangle holding both quads. */
    public Quad union(Quad other) {
        return rectangle(Math.min(minX(), other.minX()), Math.min(minY(), other.minY()),
                Math.max(maxX(), other.maxX()), Math.max(maxY(), other.maxY()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quad q && Arrays.equals(xy, q.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return "Quad" + Arrays.toString(xy);
    }
}
