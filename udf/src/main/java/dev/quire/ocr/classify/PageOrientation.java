package dev.quire.ocr.classify;

import dev.quire.image.GrayImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides whether a whole page is upside down by a majority vote of the direction classifier
 * over the page's longest lines, each shown to it as a window of its own 4:1 input aspect from
 * the middle of the line. Whole long lines squeezed into 192×48 are misjudged often (a clean
 * upright line can score 0.95 for 180°), which is why the per-line reference behaviour garbles
 * good pages; an unsqueezed window of glyphs is judged reliably.
 */
public final class PageOrientation {
    /** Lines that vote. */
    static final int SAMPLE = 8;

    private PageOrientation() {
    }

    public static boolean upsideDown(DirectionClassifier classifier, List<GrayImage> lines) {
        List<GrayImage> sample = sample(lines);
        if (sample.isEmpty()) {
            return false;
        }
        int votes = 0;
        for (boolean flipped : classifier.upsideDown(sample)) {
            votes += flipped ? 1 : 0;
        }
        return votes * 2 > sample.size();
    }

    /** Windows of the longest lines (most glyphs, best evidence). */
    static List<GrayImage> sample(List<GrayImage> lines) {
        List<GrayImage> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingDouble((GrayImage l) -> (double) l.width() / l.height()).reversed());
        List<GrayImage> out = new ArrayList<>();
        for (GrayImage line : sorted.subList(0, Math.min(SAMPLE, sorted.size()))) {
            out.add(window(line));
        }
        return out;
    }

    /** The middle part of a line that has the classifier's input aspect, or the line if shorter. */
    static GrayImage window(GrayImage line) {
        int w = (int) Math.round(line.height() * DirectionClassifier.NATIVE_ASPECT);
        if (line.width() <= w) {
            return line;
        }
        return line.crop((line.width() - w) / 2, 0, w, line.height());
    }
}
