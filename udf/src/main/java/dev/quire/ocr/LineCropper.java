package dev.quire.ocr;

import dev.quire.image.GrayImage;
import dev.quire.image.PerspectiveWarp;
import dev.quire.ocr.geometry.Quad;

/**
 * PaddleOCR's {@code get_rotate_crop_image}: straightens a box into an upright line image and
 * turns it a quarter counter-clockwise when it is at least 1.5 times taller than wide.
 */
public final class LineCropper {
    static final double VERTICAL_RATIO = 1.5;

    private LineCropper() {
    }

    public static GrayImage crop(GrayImage page, Quad box) {
        int width = Math.max(1, (int) box.edgeWidth());
        int height = Math.max(1, (int) box.edgeHeight());
        GrayImage line = PerspectiveWarp.warp(page, box.points(), width, height);
        if ((double) line.height() / line.width() >= VERTICAL_RATIO) {
            return line.rotate90CounterClockwise();
        }
        return line;
    }
}
