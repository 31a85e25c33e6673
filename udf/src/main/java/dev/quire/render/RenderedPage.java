package dev.quire.render;

import dev.quire.image.GrayImage;

/** A rendered page and the resolution it was actually rendered at (lower than asked if capped). */
public record RenderedPage(GrayImage image, double dpi) {
}
