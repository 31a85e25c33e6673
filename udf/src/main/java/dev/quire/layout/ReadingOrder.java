package dev.quire.layout;

import dev.quire.ocr.geometry.Quad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Orders text boxes the way a person reads a page, by a recursive XY-cut: a block with a gutter
 * (an empty band down it, wider than a quarter line height) is split into columns, read left to
 * right; a block without one is split at its empty bands across into horizontal bands, read top
 * to bottom, where consecutive bands that both have columns are kept together so that each
 * column is read to its end before the next. What cannot be split is read row by row, left to
 * right. Boxes are first turned by the page's skew (the median slope of the long boxes) so that
 * a scan rotated by a degree still has straight gutters and rows.
 */
public final class ReadingOrder {
    /** A column gap must be at least this many median box heights wide (word gaps are narrower). */
    static final double MIN_COLUMN_GAP = 0.25;
    /** Two boxes share a row when they overlap vertically by this fraction of the lower one's height. */
    static final double ROW_OVERLAP = 0.5;
    /** Narrowest column, as a share of the block's width, that a gutter may cut off. */
    static final double MIN_COLUMN_SHARE = 0.25;
    /** Share of its height trimmed from each side of a box when looking for gutters. */
    static final double SIDE_MARGIN = 0.5;
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

        /**
         * Where the box begins along an axis when looking for empty bands. Across the page that
         * is its core: detection boxes carry a margin of about half a line height on each side,
         * and a box grown a little further (a speck of noise in the gutter) must not close a gutter.
         */
        double lo(boolean vertical) {
            return vertical ? left + sideMargin() : top;
        }

        double hi(boolean vertical) {
            return vertical ? right - sideMargin() : bottom;
        }

        double center(boolean vertical) {
            return vertical ? (left + right) / 2 : (top + bottom) / 2;
        }

        private double sideMargin() {
            return Math.min(SIDE_MARGIN * height(), (right - left) / 4);
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
        Gap gutter = widestGutter(rects, minColumnGap);
        if (gutter != null) {
            for (List<Rect> column : split(rects, true, List.of(gutter.at()))) {
                cut(column, minColumnGap, out);
            }
            return;
        }
        List<List<Rect>> bands = split(rects, false, gaps(rects, false));
        if (bands.size() <= 1) {
            out.addAll(rows);
            return;
        }
        for (List<Rect> section : sections(bands, minColumnGap)) {
            cut(section, minColumnGap, out);
        }
    }

    /**
     * Joins consecutive bands that are each split into columns, as long as the joined set still
     * has a gutter: a paragraph break in one column that happens to line up with one in the other
     * must not cut both columns in two (which would read the top halves of both columns first).
     * A band without columns (a title, a full-width caption or footnote) stands alone.
     */
    private static List<List<Rect>> sections(List<List<Rect>> bands, double minColumnGap) {
        List<List<Rect>> sections = new ArrayList<>();
        boolean lastHasColumns = false;
        for (List<Rect> band : bands) {
            boolean hasColumns = widestGutter(band, minColumnGap) != null;
            if (lastHasColumns && hasColumns) {
                List<Rect> joined = new ArrayList<>(sections.get(sections.size() - 1));
                joined.addAll(band);
                if (widestGutter(joined, minColumnGap) != null) {
                    sections.set(sections.size() - 1, joined);
                    continue;
                }
            }
            sections.add(band);
            lastHasColumns = hasColumns;
        }
        return sections;
    }

    /** Midpoints of every empty band along one axis, in ascending order. */
    private static List<Double> gaps(List<Rect> rects, boolean vertical) {
        List<Rect> sorted = new ArrayList<>(rects);
        sorted.sort(Comparator.comparingDouble(r -> r.lo(vertical)));
        List<Double> cuts = new ArrayList<>();
        double reach = sorted.get(0).hi(vertical);
        for (Rect r : sorted) {
            if (r.lo(vertical) > reach) {
                cuts.add((reach + r.lo(vertical)) / 2);
            }
            reach = Math.max(reach, r.hi(vertical));
        }
        return cuts;
    }

    /** Splits boxes at cut positions along one axis by their centres, in order along it. */
    private static List<List<Rect>> split(List<Rect> rects, boolean vertical, List<Double> cuts) {
        List<List<Rect>> parts = new ArrayList<>();
        for (int i = 0; i <= cuts.size(); i++) {
            parts.add(new ArrayList<>());
        }
        for (Rect r : rects) {
            int part = 0;
            while (part < cuts.size() && cuts.get(part) < r.center(vertical)) {
                part++;
            }
            parts.get(part).add(r);
        }
        parts.removeIf(List::isEmpty);
        return parts;
    }

    /**
     * The widest gutter: an empty band down the block at least {@code minSize} wide that leaves
     * at least {@link #MIN_COLUMN_SHARE} of the block's width on either side (narrower "columns"
     * are table columns or row labels, which read better row by row), or null.
     */
    private static Gap widestGutter(List<Rect> rects, double minSize) {
        double left = rects.stream().mapToDouble(Rect::left).min().orElse(0);
        double right = rects.stream().mapToDouble(Rect::right).max().orElse(0);
        double minSide = MIN_COLUMN_SHARE * (right - left);
        List<Rect> sorted = new ArrayList<>(rects);
        sorted.sort(Comparator.comparingDouble(r -> r.lo(true)));
        Gap best = null;
        double reach = sorted.get(0).hi(true);
        for (int i = 1; i < sorted.size(); i++) {
            Rect r = sorted.get(i);
            double gap = r.lo(true) - reach;
            double at = reach + gap / 2;
            if (gap > 0 && gap >= minSize && at - left >= minSide && right - at >= minSide
                    && (best == null || gap > best.size())) {
                best = new Gap(at, gap);
            }
            reach = Math.max(reach, r.hi(true));
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
