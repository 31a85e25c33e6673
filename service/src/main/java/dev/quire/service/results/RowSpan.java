package dev.quire.service.results;

import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.internal.filter2.columnindex.RowRanges;

import java.util.stream.IntStream;

/**
 * The rows {@code first..last} of a row group as parquet-java's {@link RowRanges}. parquet-java
 * builds row ranges only from an offset index's pages, so this is an offset index of one "page"
 * spanning exactly those rows; nothing reads its offsets or sizes.
 */
final class RowSpan implements OffsetIndex {
    private final long first;
    private final long last;

    private RowSpan(long first, long last) {
        this.first = first;
        this.last = last;
    }

    static RowRanges of(long first, long last, long rowGroupRows) {
        return RowRanges.create(rowGroupRows, IntStream.of(0).iterator(), new RowSpan(first, last));
    }

    @Override
    public int getPageCount() {
        return 1;
    }

    @Override
    public long getOffset(int pageIndex) {
        return 0;
    }

    @Override
    public int getCompressedPageSize(int pageIndex) {
        return 0;
    }

    @Override
    public long getFirstRowIndex(int pageIndex) {
        return first;
    }

    @Override
    public long getLastRowIndex(int pageIndex, long rowGroupRowCount) {
        return last;
    }
}
