package dev.quire.ocr.recognize;

import dev.quire.image.GrayImage;

import java.util.Arrays;

/**
 * Which columns of a line image hold no ink in the middle half of its height (where lower-case
 * letters are; the top and bottom quarters can catch the neighbouring lines' ascenders and
 * descenders). Ink is anything darker than the midpoint between the band's darkest and lightest
 * pixels; a band without contrast counts as all blank.
 */
public final class InkColumns {
    /** Below this spread of gray values the line has no ink to speak of. */
    static final int MIN_CONTRAST = 40;

    private final boolean[] blank;

    private InkColumns(boolean[] blank) {
        this.blank = blank;
    }

    public static InkColumns of(GrayImage line) {
        int top = line.height() / 4;
        int bottom = Math.max(top + 1, line.height() * 3 / 4);
        int min = 255;
        int max = 0;
        for (int y = top; y < bottom; y++) {
            for (int x = 0; x < line.width(); x++) {
                int v = line.get(x, y);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        boolean[] blank = new boolean[line.width()];
        if (max - min < MIN_CONTRAST) {
            Arrays.fill(blank, true);
            return new InkColumns(blank);
        }
        int threshold = (min + max) / 2;
        for (int x = 0; x < line.width(); x++) {
            boolean ink = false;
            for (int y = top; y < bottom && !ink; y++) {
                ink = line.get(x, y) < threshold;
            }
            blank[x] = !ink;
        }
        return new InkColumns(blank);
    }

    /** Length of the longest run of blank columns in {@code [from, to)} (clamped to the image). */
    public int widestBlankRun(int from, int to) {
        int best = 0;
        int run = 0;
        for (int x = Math.max(0, from); x < Math.min(blank.length, to); x++) {
            run = blank[x] ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
