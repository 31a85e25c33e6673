package dev.quire.layout;

import dev.quire.ocr.geometry.Quad;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PaddleOCR's {@code sorted_boxes}: by top-left corner (y, then x), then a bubble pass that
 * swaps neighbours whose top-left y differ by less than 10 pixels so that a row reads left to
 * right. Kept for comparison with the reference; pages read across columns with it.
 */
public final class ReferenceOrder {
    static final float ROW_TOLERANCE = 10f;

    private ReferenceOrder() {
    }

    public static int[] order(List<Quad> boxes) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingDouble((Integer i) -> boxes.get(i).y(0)).thenComparingDouble(i -> boxes.get(i).x(0)));
        for (int i = 0; i < idx.size() - 1; i++) {
            for (int j = i; j >= 0; j--) {
                Quad next = boxes.get(idx.get(j + 1));
                Quad cur = boxes.get(idx.get(j));
                if (Math.abs(next.y(0) - cur.y(0)) < ROW_TOLERANCE && next.x(0) < cur.x(0)) {
                    Integer t = idx.get(j);
                    idx.set(j, idx.get(j + 1));
                    idx.set(j + 1, t);
                } else {
                    break;
                }
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }
}
