package dev.quire.layout;

import dev.quire.ocr.geometry.Quad;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingOrderTest {
    private static Quad box(float left, float top, float right, float bottom) {
        return Quad.rectangle(left, top, right, bottom);
    }

    /** Lines of a column: {@code n} boxes 30 px tall every 34 px. */
    private static List<Quad> column(float left, float right, float top, int n) {
        List<Quad> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(box(left, top + 34 * i, right, top + 34 * i + 30));
        }
        return out;
    }

    @Test
    void twoColumnsAreReadOneAfterTheOther() {
        List<Quad> boxes = new ArrayList<>();
        List<Quad> left = column(100, 800, 200, 5);
        List<Quad> right = column(820, 1500, 200, 5);
        // interleave as detection might return them
        for (int i = 0; i < 5; i++) {
            boxes.add(right.get(i));
            boxes.add(left.get(i));
        }
        int[] order = ReadingOrder.order(boxes);
        assertThat(order).containsExactly(1, 3, 5, 7, 9, 0, 2, 4, 6, 8);
    }

    @Test
    void aFullWidthTitleComesBeforeTheColumns() {
        List<Quad> boxes = new ArrayList<>(column(820, 1500, 200, 3));
        boxes.addAll(column(100, 800, 200, 3));
        boxes.add(box(100, 100, 1500, 150));
        assertThat(ReadingOrder.order(boxes)).containsExactly(6, 3, 4, 5, 0, 1, 2);
    }

    @Test
    void alignedParagraphBreaksDoNotCutBothColumns() {
        // both columns have a paragraph break at the same height: one empty band across the page
        List<Quad> boxes = new ArrayList<>();
        boxes.add(box(100, 100, 1500, 150));
        boxes.addAll(column(100, 800, 200, 3));
        boxes.addAll(column(820, 1500, 200, 3));
        boxes.addAll(column(100, 800, 400, 3));
        boxes.addAll(column(820, 1500, 400, 3));
        boxes.add(box(100, 600, 1500, 640));
        assertThat(ReadingOrder.order(boxes)).containsExactly(0, 1, 2, 3, 7, 8, 9, 4, 5, 6, 10, 11, 12, 13);
    }

    @Test
    void aBoxReachingIntoTheGutterDoesNotCloseIt() {
        // the right column's third line starts 30 px early (noise in the gutter): its core does not
        List<Quad> boxes = new ArrayList<>(column(100, 800, 200, 5));
        List<Quad> right = new ArrayList<>(column(830, 1500, 200, 5));
        right.set(2, box(790, 200 + 68, 1500, 200 + 98));
        boxes.addAll(right);
        assertThat(ReadingOrder.order(boxes)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void narrowLabelColumnsAreReadRowByRowWithTheirValues() {
        // a table: labels in a narrow column, values in a wide one, a clear gap between them
        List<Quad> boxes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boxes.add(box(100, 200 + 34 * i, 250, 230 + 34 * i));
            boxes.add(box(400, 200 + 34 * i, 1500, 230 + 34 * i));
        }
        List<int[]> rows = ReadingOrder.rows(boxes);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsExactly(0, 1);
    }

    @Test
    void boxesOnOneRowFormOneRowLeftToRight() {
        List<Quad> boxes = List.of(box(600, 100, 900, 130), box(100, 102, 500, 131), box(100, 140, 900, 170));
        List<int[]> rows = ReadingOrder.rows(boxes);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(1, 0);
        assertThat(rows.get(1)).containsExactly(2);
    }

    @Test
    void aSkewedTwoColumnPageStillSplitsAtTheGutter() {
        // rotate a two-column page by 1 degree: the gutter projection closes, the deskewed one does not
        List<Quad> straight = new ArrayList<>(column(100, 800, 200, 40));
        straight.addAll(column(812, 1500, 200, 40));
        double a = Math.toRadians(1);
        List<Quad> skewed = new ArrayList<>();
        for (Quad q : straight) {
            float[] p = q.points();
            for (int i = 0; i < 4; i++) {
                double x = p[2 * i];
                double y = p[2 * i + 1];
                p[2 * i] = (float) (x * Math.cos(a) - y * Math.sin(a));
                p[2 * i + 1] = (float) (x * Math.sin(a) + y * Math.cos(a));
            }
            skewed.add(Quad.of(p));
        }
        int[] order = ReadingOrder.order(skewed);
        for (int i = 0; i < 80; i++) {
            assertThat(order[i]).isEqualTo(i);
        }
    }

    @Test
    void rowsDoNotChainDownTheBlock() {
        // each box overlaps the previous one by half: joining by the row's growing extent would
        // make one row of all three; joining by the row's first box makes two
        List<ReadingOrder.Rect> rects = List.of(new ReadingOrder.Rect(0, 100, 100, 300, 140),
                new ReadingOrder.Rect(1, 400, 120, 600, 160), new ReadingOrder.Rect(2, 700, 140, 900, 180));
        List<int[]> rows = ReadingOrder.rowsOf(rects);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(0, 1);
    }

    @Test
    void emptyAndSingleInputs() {
        assertThat(ReadingOrder.order(List.of())).isEmpty();
        assertThat(ReadingOrder.order(List.of(box(0, 0, 10, 10)))).containsExactly(0);
    }
}
