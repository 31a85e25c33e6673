package dev.quire.render;

import dev.quire.ocr.TextLine;

import java.util.List;

/**
 * The embedded text of one page, with its lines (boxes in page pixels at the requested DPI) and
 * how many glyphs had no Unicode mapping.
 */
public record TextLayer(String text, List<TextLine> lines, int glyphs, int unmappedGlyphs) {
    /** Fewest letters and digits for a page's text to count as a real text layer. */
    public static final int DEFAULT_MIN_CHARS = 20;
    /** Largest share of glyphs without a Unicode mapping that still counts as readable. */
    public static final double DEFAULT_MAX_UNMAPPED = 0.1;

    /** Whether the page's embedded text can be used instead of OCR. */
    public boolean usable() {
        return usable(DEFAULT_MIN_CHARS, DEFAULT_MAX_UNMAPPED);
    }

    public boolean usable(int minChars, double maxUnmappedShare) {
        long alnum = text.codePoints().filter(Character::isLetterOrDigit).count();
        if (alnum < minChars || glyphs == 0) {
            return false;
        }
        return (double) unmappedGlyphs / glyphs <= maxUnmappedShare;
    }
}
