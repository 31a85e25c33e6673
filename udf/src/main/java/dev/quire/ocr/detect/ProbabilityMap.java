package dev.quire.ocr.detect;

/** The DB model's per-pixel text probability at the detector's input resolution, row-major. */
public record ProbabilityMap(int width, int height, float[] values) {

    public ProbabilityMap {
        if (values.length != width * height) {
            throw new IllegalArgumentException("map has " + values.length + " values, expected " + width * height);
        }
    }

    public float get(int x, int y) {
        return values[y * width + x];
    }
}
