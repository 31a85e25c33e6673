package dev.quire.pipeline;

import dev.quire.InvalidSettingsException;

import java.util.Locale;

/** Text layer versus OCR, per page. */
public enum ProcessingMode {
    /** Use a page's embedded text when it is usable, OCR the page otherwise. */
    AUTO,
    /** Always OCR. */
    OCR,
    /** Never OCR: embedded text only (empty for scans). */
    TEXT;

    public static ProcessingMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidSettingsException.of("mode", text, "auto, ocr or text");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
