package dev.quire.pipeline;

import java.util.Locale;

/** What produced a page's text. */
public enum PageMethod {
    OCR, TEXT_LAYER, FAILED;

    /** The value written to outputs: {@code ocr}, {@code text_layer}, {@code failed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
