package dev.quire.ocr.recognize;

import dev.quire.InvalidSettingsException;

import java.io.Serializable;

/**
 * Recogniser settings; defaults are PaddleOCR's inference defaults except where noted.
 *
 * @param minWidth   narrowest batch input in pixels at height 48 (reference: 320)
 * @param batchSize  lines per model call; lines are sorted by aspect ratio first
 * @param dropScore  lines whose mean character probability is below this are dropped
 */
public record RecognitionSettings(int minWidth, int batchSize, double dropScore) implements Serializable {
    /** Input height of the PP-OCR recogniser. */
    public static final int HEIGHT = 48;
    public static final int DEFAULT_MIN_WIDTH = 320;
    public static final int DEFAULT_BATCH_SIZE = 6;
    public static final double DEFAULT_DROP_SCORE = 0.5;

    public static final RecognitionSettings DEFAULTS =
            new RecognitionSettings(DEFAULT_MIN_WIDTH, DEFAULT_BATCH_SIZE, DEFAULT_DROP_SCORE);

    public RecognitionSettings {
        if (minWidth < 8 || minWidth > 4096) {
            throw InvalidSettingsException.of("rec.minWidth", minWidth, "8..4096");
        }
        if (batchSize < 1 || batchSize > 1024) {
            throw InvalidSettingsException.of("rec.batchSize", batchSize, "1..1024");
        }
        if (!(dropScore >= 0 && dropScore < 1)) {
            throw InvalidSettingsException.of("rec.dropScore", dropScore, "a number in [0, 1)");
        }
    }
}
