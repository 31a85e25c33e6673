package dev.quire.ocr;

import dev.quire.InvalidSettingsException;

import java.util.Locale;

/** When the 180° direction classifier runs. */
public enum ClassifierMode {
    /** Every line, like the reference pipeline. */
    ALWAYS,
    /**
     * A sample of the widest lines of each page first; the rest only if the sample finds
     * upside-down text. Pages are almost always printed one way up, so this saves most of the cost.
     */
    AUTO,
    /** Never; upside-down lines come out garbled. */
    OFF;

    public static ClassifierMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidSettingsException.of("classifier", text, "always, auto or off");
        }
    }
}
