package dev.quire.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Objects;

/**
 * An 8-bit grayscale raster, row-major, one byte per pixel (0 = black, 255 = white). The array
 * is owned by the image: callers must not modify it after construction.
 */
public record GrayImage(int width, int height, byte[] pixels) {

    public GrayImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(
                    "pixel array has " + pixels.length + " bytes, expected " + width * height);
        }
    }

    /** Pixel value 0..255 at (x, y); no bounds clamping. */
    public int get(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    /** Pixel value with coordinates clamped to the border (replicate border mode). */
    public int getClamped(int x, int y) {
        int cx = x < 0 ? 0 : (x >= width ? width - 1 : x);
        int cy = y < 0 ? 0 : (y >= height ? height - 1 : y);
        return pixels[cy * width + cx] & 0xFF;
    }

    /** Wraps (without copying when possible) a TYPE_BYTE_GRAY image; converts any other type. */
    public static GrayImage from(BufferedImage image) {
        BufferedImage gray = image;
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            var g = gray.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        var raster = gray.getRaster();
        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        int w = gray.getWidth();
        int h = gray.getHeight();
        if (data.length == w * h && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            return new GrayImage(w, h, data);
        }
        byte[] copy = new byte[w * h];
        raster.getDataElements(0, 0, w, h, copy);
        return new GrayImage(w, h, copy);
    }

    public BufferedImage toBufferedImage() {
        var out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setDataElements(0, 0, width, height, pixels);
        return out;
    }

    /** The sub-image at ({@code x}, {@code y}) of size {@code w}×{@code h}, which must lie inside. */
    public GrayImage crop(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("crop " + w + "x" + h + "+" + x + "+" + y + " outside " + width + "x" + height);
        }
        byte[] out = new byte[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(pixels, (y + r) * width + x, out, r * w, w);
        }
        return new GrayImage(w, h, out);
    }

    /** Rotates by 180 degrees. */
    public GrayImage rotate180() {
        byte[] out = new byte[pixels.length];
        for (int i = 0, n = pixels.length; i < n; i++) {
            out[n - 1 - i] = pixels[i];
        }
        return new GrayImage(width, height, out);
    }

    /** Rotates by 90 degrees counter-clockwise (numpy's rot90 with k=1). */
    public GrayImage rotate90CounterClockwise() {
        int nw = height;
        int nh = width;
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                // source (x, y) lands at column y, row (width - 1 - x)
                out[(width - 1 - x) * nw + y] = pixels[row + x];
            }
        }
        return new GrayImage(nw, nh, out);
    }
}
