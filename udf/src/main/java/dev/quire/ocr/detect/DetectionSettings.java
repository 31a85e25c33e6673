package dev.quire.ocr.detect;

import dev.quire.InvalidSettingsException;

import java.io.Serializable;

/**
 * DB detector settings; defaults are PaddleOCR's inference defaults.
 *
 * @param limitSideLen   longest side of the detector input (larger pages are scaled down)
 * @param binaryThreshold probability above which a map pixel counts as text
 * @param boxThreshold   minimum mean probability inside a candidate box
 * @param unclipRatio    how far boxes grow: area × ratio / perimeter
 * @param maxCandidates  connected regions considered per page
 */
public record DetectionSettings(int limitSideLen, double binaryThreshold, double boxThreshold,
                                double unclipRatio, int maxCandidates) implements Serializable {
    public static final int DEFAULT_LIMIT_SIDE_LEN = 960;
    public static final double DEFAULT_BINARY_THRESHOLD = 0.3;
    public static final double DEFAULT_BOX_THRESHOLD = 0.6;
    public static final double DEFAULT_UNCLIP_RATIO = 1.5;
    public static final int DEFAULT_MAX_CANDIDATES = 1000;

    public static final DetectionSettings DEFAULTS = new DetectionSettings(DEFAULT_LIMIT_SIDE_LEN,
            DEFAULT_BINARY_THRESHOLD, DEFAULT_BOX_THRESHOLD, DEFAULT_UNCLIP_RATIO, DEFAULT_MAX_CANDIDATES);

    public DetectionSettings {
        if (limitSideLen < 32 || limitSideLen > 8192) {
            throw InvalidSettingsException.of("det.limitSideLen", limitSideLen, "32..8192");
        }
        if (!(binaryThreshold > 0 && binaryThreshold < 1)) {
            throw InvalidSettingsException.of("det.binaryThreshold", binaryThreshold, "a number in (0, 1)");
        }
        if (!(boxThreshold >= 0 && boxThreshold < 1)) {
            throw InvalidSettingsException.of("det.boxThreshold", boxThreshold, "a number in [0, 1)");
        }
        if (!(unclipRatio > 0 && unclipRatio <= 10)) {
            throw InvalidSettingsException.of("det.unclipRatio", unclipRatio, "a number in (0, 10]");
        }
        if (maxCandidates < 1) {
            throw InvalidSettingsException.of("det.maxCandidates", maxCandidates, "a positive integer");
        }
    }

    public DetectionSettings withLimitSideLen(int value) {
        return new DetectionSettings(value, binaryThreshold, boxThreshold, unclipRatio, maxCandidates);
    }
}
