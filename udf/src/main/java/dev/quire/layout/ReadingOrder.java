package dev.quire.layout;

import dev.quire.ocr.geometry.Quad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Orders text boxes the way a person reads a page: a recursive XY-cut splits the page at the
 * widest empty band (across the page: blocks above one another; down the page: columns side by
 * side) until no band is left, and the boxes of each block are read row by row, left to right.
 * Two-column pages therefore read column by column instead of across the gutter. Boxes are first
 * turned by the page's skew (the median slope of the long boxes) so that a scan rotated by a
 * degree still has straight gutters and rows.
 */
public final class ReadingOrder {
    /** A column gap must be at least this many median box heights wide (word gaps are narrower). */
    static final double MIN_COLUMN_GAP = 0.25;
    /** Two boxes share a row when they overlap vertically by this fraction of the lower one's height. */
    static final double ROW_OVERLAP = 0.5;
    /** Box slopes beyond this are rotated text, not page skew. */
    static final double MAX_SKEW_DEGREES = 10;

    private ReadingOrder() {
    }

    /** Rows of box indices in reading order, each row left to right. */
    public static List<int[]> rows(List<Quad> boxes) {
        Rect[] rects = new Rect[boxes.size()];
        double[] heights = new double[boxes.size()];
        double skew = skew(boxes);
        double cos = Math.cos(-skew);
        double sin = Math.sin(-skew);
        for (int i = 0; i < rects.length; i++) {
            rects[i] = Rect.of(i, boxes.get(i), cos, sin);
            heights[i] = rects[i].height();
        }
        double minColumnGap = MIN_COLUMN_GAP * median(heights);
        List<int[]> out = new ArrayList<>();
        cut(Arrays.asList(rects), minColumnGap, out);
        return out;
    }

    /** Indices in reading order, row after row. */
    public static int[] order(List<Quad> boxes) {
        return rows(boxes).stream().flatMapToInt(Arrays::stream).toArray();
    }

    record Rect(int index, double left, double top, double right, double bottom) {
        /** Bounds of the quad after rotating it by the angle whose cosine and sine are given. */
        static Rect of(int index, Quad q, double cos, double sin) {
            double l = Double.MAX_VALUE;
            double t = Double.MAX_VALUE;
            double r = -Double.MAX_VALUE;
            double b = -Double.MAX_VALUE;
            for (int c = 0; c < 4; c++) {
                double x = q.x(c) * cos - q.y(c) * sin;
                double y = q.x(c) * sin + q.y(c) * cos;
                l = Math.min(l, x);
                r = Math.max(r, x);
                t = Math.min(t, y);
                b = Math.max(b, y);
            }
            return new Rect(index, l, t, r, b);
        }

        double height() {
            return bottom - top;
        }

        double lo(boolean vertical) {
            return vertical ? left : top;
        }

        double hi(boolean vertical) {
            return vertical ? right : bottom;
        }
    }

    /** A cut position along an axis and the width of the empty band there. */
    private record Gap(double at, double size) {
    }

    private static void cut(List<Rect> rects, double minColumnGap, List<int[]> out) {
        List<int[]> rows = rowsOf(rects);
        if (rows.size() <= 1) {
            // one row (a table row, words split by detection): read it as one line, never as columns
            out.addAll(rows);
            return;
        }
        Gap across = widestGap(rects, false, 0);
        Gap down = widestGap(rects, true, minColumnGap);
        if (across == null && down == null) {
            out.addAll(rows);
            return;
        }
        boolean vertical = across == null || (down != null && down.size() > across.size());
        double at = (vertical ? down : across).at();
        List<Rect> first = new ArrayList<>();
        List<Rect> second = new ArrayList<>();
        for (Rect r : rects) {
            (r.hi(vertical) <= at ? first : second).add(r);
        }
        cut(first, minColumnGap, out);
        cut(second, minColumnGap, out);
    }

    /** The widest empty band (at least {@code minSize}, strictly positive) along one axis, or null. */
    private static Gap widestGap(List<Rect> rects, boolean vertical, double minSize) {
        List<Rect> sorted = new ArrayList<>(rects);
        sorted.sort(Comparator.comparingDouble(r -> r.lo(vertical)));
        Gap best = null;
        double reach = sorted.get(0).hi(vertical);
        for (int i = 1; i < sorted.size(); i++) {
            Rect r = sorted.get(i);
            double gap = r.lo(vertical) - reach;
            if (gap > 0 && gap >= minSize && (best == null || gap > best.size())) {
                best = new Gap(reach + gap / 2, gap);
            }
            reach = Math.max(reach, r.hi(vertical));
        }
        return best;
    }

    /**
     * Groups boxes of one block into rows (top to bottom), each sorted left to right. A box joins
     * the current row when it overlaps the box that started the row enough; comparing with the
     * row's first box rather than its growing extent stops rows from chaining down the page.
     */
    static List<int[]> rowsOf(List<Rect> rects) {
        List<Rect> sorted = new ArrayList<>(rects);
        sorted.sort(Comparator.comparingDouble((Rect r) -> (r.top() + r.bottom()) / 2).thenComparingDouble(Rect::left));
        List<List<Rect>> rows = new ArrayList<>();
        List<Rect> row = new ArrayList<>();
        for (Rect r : sorted) {
            if (!row.isEmpty() && sharesRow(row.get(0), r)) {
                row.add(r);
                continue;
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
            row = new ArrayList<>();
            row.add(r);
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        List<int[]> out = new ArrayList<>(rows.size());
        for (List<Rect> r : rows) {
            r.sort(Comparator.comparingDouble(Rect::left));
            out.add(r.stream().mapToInt(Rect::index).toArray());
        }
        return out;
    }

    private static boolean sharesRow(Rect first, Rect r) {
        double overlap = Math.min(first.bottom(), r.bottom()) - Math.max(first.top(), r.top());
        double smaller = Math.min(first.height(), r.height());
        return smaller > 0 && overlap >= ROW_OVERLAP * smaller;
    }

    /**
     * The page's skew in radians: the median slope of the top edges of boxes at least three times
     * wider than tall (short boxes have unreliable angles); 0 when there are none.
     */
    static double skew(List<Quad> boxes) {
        double[] angles = boxes.stream()
                .filter(q -> q.edgeWidth() >= 3 * q.edgeHeight())
                .mapToDouble(q -> Math.atan2(q.y(1) - q.y(0), q.x(1) - q.x(0)))
                .filter(a -> Math.abs(a) < Math.toRadians(MAX_SKEW_DEGREES))
                .toArray();
        return angles.length == 0 ? 0 : median(angles);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
