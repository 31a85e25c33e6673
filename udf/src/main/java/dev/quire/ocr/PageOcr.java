package dev.quire.ocr;

import java.util.List;

/**
 * OCR of one page image: lines in reading order and the page text (one text line per output
 * line; boxes that share a row are joined with a space).
 */
public record PageOcr(List<TextLine> lines, String text, StageTimes times) {

    /** Mean of line confidences weighted by text length; 0 when nothing was read. */
    public float confidence() {
        double weighted = 0;
        long chars = 0;
        for (TextLine l : lines) {
            weighted += (double) l.confidence() * l.text().length();
            chars += l.text().length();
        }
        return chars == 0 ? 0f : (float) (weighted / chars);
    }
}
