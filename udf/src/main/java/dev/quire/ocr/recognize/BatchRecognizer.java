package dev.quire.ocr.recognize;

import dev.quire.image.GrayImage;

import java.util.List;

/**
 * What {@link RecognitionBatcher} needs from a recogniser: the width a line asks for and one
 * model call at a given width. An interface so that the batcher's concurrency can be tested with
 * a fake (no model, controllable timing and failures).
 */
public interface BatchRecognizer {
    /** The input width (at height 48) the line needs on its own. */
    int naturalWidth(GrayImage line);

    /** One model call over {@code lines} padded to {@code width}: results in the order of {@code lines}. */
    CtcResult[] recognizeAt(List<GrayImage> lines, int width);
}
