package dev.quire.ocr.detect;

import dev.quire.ocr.geometry.BoxGeometry;
import dev.quire.ocr.geometry.BoxGeometry.MiniBox;
import dev.quire.ocr.geometry.Quad;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a DB probability map into text boxes in source-image pixels, following PaddleOCR's
 * {@code DBPostProcess} ("fast" box score, quad boxes) and {@code filter_tag_det_res}.
 */
public final class DbPostProcessor {
    /** Shorter side (in map pixels) a candidate needs before unclipping. */
    static final int MIN_SIZE = 3;

    private final DetectionSettings settings;

    public DbPostProcessor(DetectionSettings settings) {
        this.settings = settings;
    }

    /** A detected box (source pixels, clockwise from top-left) and its mean probability. */
    public record Box(Quad quad, float score) {
    }

    public List<Box> boxes(ProbabilityMap map, int srcWidth, int srcHeight) {
        boolean[] mask = threshold(map, (float) settings.binaryThreshold());
        List<double[]> outlines = Components.outlines(mask, map.width(), map.height(), settings.maxCandidates());
        List<Box> boxes = new ArrayList<>();
        for (double[] outline : outlines) {
            Box box = candidate(map, outline, srcWidth, srcHeight);
            if (box != null) {
                boxes.add(box);
            }
        }
        return boxes;
    }

    private Box candidate(ProbabilityMap map, double[] outline, int srcWidth, int srcHeight) {
        MiniBox core = BoxGeometry.miniBox(outline);
        if (core == null || core.shortSide() < MIN_SIZE) {
            return null;
        }
        float score = meanInside(map, core.quad());
        if (score < settings.boxThreshold()) {
            return null;
        }
        MiniBox grown = BoxGeometry.unclip(core.quad(), settings.unclipRatio());
        if (grown == null || grown.shortSide() < MIN_SIZE + 2) {
            return null;
        }
        Quad scaled = toSource(grown.quad(), map, srcWidth, srcHeight);
        Quad ordered = clip(BoxGeometry.orderClockwise(scaled), srcWidth, srcHeight);
        if ((int) distance(ordered, 0, 1) <= MIN_SIZE || (int) distance(ordered, 0, 3) <= MIN_SIZE) {
            return null;
        }
        return new Box(ordered, score);
    }

    static boolean[] threshold(ProbabilityMap map, float threshold) {
        float[] v = map.values();
        boolean[] mask = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            mask[i] = v[i] > threshold;
        }
        return mask;
    }

    /** Map pixels to source pixels, rounded half-to-even and clamped to [0, size] as numpy does. */
    private static Quad toSource(Quad q, ProbabilityMap map, int srcWidth, int srcHeight) {
        float[] p = q.points();
        for (int i = 0; i < 4; i++) {
            p[2 * i] = clamp((float) Math.rint((double) p[2 * i] / map.width() * srcWidth), 0, srcWidth);
            p[2 * i + 1] = clamp((float) Math.rint((double) p[2 * i + 1] / map.height() * srcHeight), 0, srcHeight);
        }
        return Quad.of(p);
    }

    /** {@code clip_det_res}: every corner inside [0, size − 1], truncated to whole pixels. */
    private static Quad clip(Quad q, int srcWidth, int srcHeight) {
        float[] p = q.points();
        for (int i = 0; i < 4; i++) {
            p[2 * i] = (int) clamp(p[2 * i], 0, srcWidth - 1);
            p[2 * i + 1] = (int) clamp(p[2 * i + 1], 0, srcHeight - 1);
        }
        return Quad.of(p);
    }

    private static double distance(Quad q, int a, int b) {
        return Math.hypot(q.x(a) - q.x(b), q.y(a) - q.y(b));
    }

    private static float clamp(float v, float lo, float hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /**
     * Mean probability inside the quad ({@code box_score_fast}): the quad's corners truncated to
     * whole pixels, filled scanline by scanline within its clamped bounding box.
     */
    static float meanInside(ProbabilityMap map, Quad q) {
        int w = map.width();
        int h = map.height();
        int xmin = clampInt((int) Math.floor(q.minX()), 0, w - 1);
        int xmax = clampInt((int) Math.ceil(q.maxX()), 0, w - 1);
        int ymin = clampInt((int) Math.floor(q.minY()), 0, h - 1);
        int ymax = clampInt((int) Math.ceil(q.maxY()), 0, h - 1);
        int[] px = new int[4];
        int[] py = new int[4];
        for (int i = 0; i < 4; i++) {
            px[i] = (int) q.x(i);
            py[i] = (int) q.y(i);
        }
        double sum = 0;
        long count = 0;
        for (int y = ymin; y <= ymax; y++) {
            double[] span = ConvexSpan.at(px, py, y);
            if (span == null) {
                continue;
            }
            int from = Math.max(xmin, (int) Math.ceil(span[0] - 1e-9));
            int to = Math.min(xmax, (int) Math.floor(span[1] + 1e-9));
            for (int x = from; x <= to; x++) {
                sum += map.get(x, y);
                count++;
            }
        }
        return count == 0 ? 0f : (float) (sum / count);
    }

    private static int clampInt(int v, int lo, int hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
