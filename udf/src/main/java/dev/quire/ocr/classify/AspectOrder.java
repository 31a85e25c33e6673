package dev.quire.ocr.classify;

import dev.quire.image.GrayImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Orders line images by width/height so that batches hold lines of similar width. */
public final class AspectOrder {
    private AspectOrder() {
    }

    /** Indices of {@code lines} sorted by ascending aspect ratio (stable). */
    public static int[] ascending(List<GrayImage> lines) {
        return IntStream.range(0, lines.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> (double) lines.get(i).width() / lines.get(i).height()))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The lines at {@code order[start..end)}. */
    public static List<GrayImage> slice(List<GrayImage> lines, int[] order, int start, int end) {
        List<GrayImage> out = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            out.add(lines.get(order[i]));
        }
        return out;
    }
}
