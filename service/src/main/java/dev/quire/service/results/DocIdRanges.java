package dev.quire.service.results;

import dev.quire.job.Columns;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveComparator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Which doc_ids one pages file may hold: the min/max doc_id of each of its pages (its page index),
 * read once when the file is opened and kept in memory (two short strings per page). A lookup asks
 * it before opening the file, so of a run's many files only the one or two that hold the document
 * are read; without it every lookup would open every file and read its indexes from disk. Files
 * without a page index fall back to row-group statistics, and to "maybe" without those.
 */
final class DocIdRanges {
    private static final PrimitiveComparator<Binary> ORDER = PrimitiveComparator.UNSIGNED_LEXICOGRAPHICAL_BINARY_COMPARATOR;
    private static final DocIdRanges ANYTHING = new DocIdRanges(null, null);

    /** Sorted by min; null for a file that says nothing about its ids. */
    private final Binary[] mins;
    private final Binary[] maxes;
    /** {@code reach[i]}: the greatest max among ranges 0..i, so a scan stops where nothing earlier reaches the id. */
    private final Binary[] reach;

    private DocIdRanges(Binary[] mins, Binary[] maxes) {
        this.mins = mins;
        this.maxes = maxes;
        this.reach = maxes == null ? null : new Binary[maxes.length];
        for (int i = 0; reach != null && i < maxes.length; i++) {
            reach[i] = i == 0 || ORDER.compare(maxes[i], reach[i - 1]) > 0 ? maxes[i] : reach[i - 1];
        }
    }

    static DocIdRanges of(ParquetFileReader reader) throws IOException {
        List<Binary[]> ranges = new ArrayList<>();
        for (BlockMetaData block : reader.getFooter().getBlocks()) {
            ColumnChunkMetaData docIds = docIdColumn(block);
            if (docIds == null) {
                return ANYTHING;
            }
            if (!addPages(reader.readColumnIndex(docIds), ranges) && !addRowGroup(docIds.getStatistics(), ranges)) {
                return ANYTHING;
            }
        }
        ranges.sort((a, b) -> ORDER.compare(a[0], b[0]));
        return new DocIdRanges(ranges.stream().map(r -> r[0]).toArray(Binary[]::new),
                ranges.stream().map(r -> r[1]).toArray(Binary[]::new));
    }

    /** False only when no page or row group of the file can hold this id. */
    boolean mayContain(String docId) {
        if (mins == null) {
            return true;
        }
        Binary id = Binary.fromString(docId);
        // ranges are sorted by min: only those starting at or before the id can hold it
        int upTo = upperBound(id);
        for (int i = upTo - 1; i >= 0 && ORDER.compare(reach[i], id) >= 0; i--) {
            if (ORDER.compare(maxes[i], id) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first range whose min is greater than the id. */
    private int upperBound(Binary id) {
        int lo = 0;
        int hi = mins.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ORDER.compare(mins[mid], id) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static ColumnChunkMetaData docIdColumn(BlockMetaData block) {
        for (ColumnChunkMetaData c : block.getColumns()) {
            if (c.getPath().size() == 1 && c.getPath().toArray()[0].equals(Columns.DOC_ID)) {
                return c;
            }
        }
        return null;
    }

    private static boolean addPages(ColumnIndex index, List<Binary[]> into) {
        if (index == null) {
            return false;
        }
        List<ByteBuffer> mins = index.getMinValues();
        List<ByteBuffer> maxes = index.getMaxValues();
        List<Boolean> nullPages = index.getNullPages();
        for (int p = 0; p < nullPages.size(); p++) {
            if (!nullPages.get(p)) {
                into.add(new Binary[] {Binary.fromConstantByteBuffer(mins.get(p)),
                    Binary.fromConstantByteBuffer(maxes.get(p))});
            }
        }
        return true;
    }

    private static boolean addRowGroup(Statistics<?> stats, List<Binary[]> into) {
        if (stats == null || !stats.hasNonNullValue()) {
            return false;
        }
        into.add(new Binary[] {Binary.fromConstantByteBuffer(ByteBuffer.wrap(stats.getMinBytes())),
            Binary.fromConstantByteBuffer(ByteBuffer.wrap(stats.getMaxBytes()))});
        return true;
    }
}
