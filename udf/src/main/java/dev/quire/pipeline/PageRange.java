package dev.quire.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Pages {@code [start, end)} of a document, 0-based: the unit of work of one task. */
public record PageRange(int start, int end) implements Serializable {

    public PageRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad page range [" + start + ", " + end + ")");
        }
    }

    public int size() {
        return end - start;
    }

    /** Splits {@code pages} pages into consecutive ranges of at most {@code perRange} pages. */
    public static List<PageRange> split(int pages, int perRange) {
        if (perRange < 1) {
            throw new IllegalArgumentException("pages per range must be positive: " + perRange);
        }
        List<PageRange> ranges = new ArrayList<>();
        for (int s = 0; s < pages; s += perRange) {
            ranges.add(new PageRange(s, Math.min(pages, s + perRange)));
        }
        return ranges;
    }
}
