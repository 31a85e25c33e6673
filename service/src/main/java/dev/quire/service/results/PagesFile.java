package dev.quire.service.results;

import dev.quire.job.Columns;
import dev.quire.service.results.Results.PageRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.internal.filter2.columnindex.ColumnIndexFilter;
import org.apache.parquet.internal.filter2.columnindex.RowRanges;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One pages file ({@code pages/run=ID/part-*.parquet}), its footer and doc_id page ranges read
 * once. A lookup skips the file when its doc_id ranges exclude the id; otherwise it computes the
 * rows that may hold the document from the page index (min/max doc_id per page: the job writes
 * small pages sorted by doc_id, see {@code OutputSchema.PAGES_WRITE_OPTIONS}), reads the doc_id
 * column of those rows to find the document's exact rows, and then the other columns of just
 * those rows. Files not sorted by doc_id fall back to a record filter over the candidate pages;
 * files without a page index are read whole, row group by row group, with that filter.
 */
final class PagesFile implements AutoCloseable {
    /** What a lookup reads: everything but {@code path} (the documents row has it), or just the text. */
    enum Projection {
        FULL, TEXT
    }

    /** The first pass of a lookup: just doc_id, to find the document's exact rows. */
    private static final Set<String> ID_COLUMNS = Set.of(Columns.DOC_ID);

    private static final Set<String> TEXT_COLUMNS = Set.of(Columns.DOC_ID, Columns.PAGE, Columns.TEXT);
    /** Readers kept open per file and projection: about the number of lookups that run at once. */
    private static final int IDLE_READERS = 8;

    private final HadoopInputFile file;
    private final ParquetMetadata footer;
    private final DocIdRanges docIds;
    private final Map<Projection, Reading> readings = new EnumMap<>(Projection.class);
    private final Reading ids;

    private PagesFile(HadoopInputFile file, ParquetMetadata footer, DocIdRanges docIds, Configuration conf) {
        this.file = file;
        this.footer = footer;
        this.docIds = docIds;
        MessageType schema = footer.getFileMetaData().getSchema();
        readings.put(Projection.FULL, new Reading(project(schema, name -> !name.equals(Columns.PATH)), conf));
        readings.put(Projection.TEXT, new Reading(project(schema, TEXT_COLUMNS::contains), conf));
        this.ids = new Reading(project(schema, ID_COLUMNS::contains), conf);
    }

    static PagesFile open(FileStatus status, Configuration conf) {
        try {
            HadoopInputFile file = HadoopInputFile.fromStatus(status, conf);
            try (ParquetFileReader reader = ParquetFileReader.open(file)) {
                return new PagesFile(file, reader.getFooter(), DocIdRanges.of(reader), conf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footer of " + status.getPath() + ": " + e.getMessage(), e);
        }
    }

    /** The pages rows of one document in this file, in file order. */
    void read(String docId, Projection projection, List<PageRow> into) {
        if (!docIds.mayContain(docId)) {
            return;
        }
        Reading reading = readings.get(projection);
        Binary id = Binary.fromString(docId);
        FilterCompat.Filter filter = FilterCompat.get(FilterApi.eq(FilterApi.binaryColumn(Columns.DOC_ID), id));
        ParquetFileReader reader = null;
        boolean reusable = false;
        try {
            reader = reading.readers.borrow();
            for (int block = 0; block < footer.getBlocks().size(); block++) {
                readBlock(reader, block, reading, filter, id, into);
            }
            reusable = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getPath() + ": " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                reading.readers.giveBack(reader, reusable);
            }
        }
    }

    @Override
    public void close() {
        readings.values().forEach(r -> r.readers.close());
        ids.readers.close();
    }

    private void readBlock(ParquetFileReader reader, int block, Reading reading, FilterCompat.Filter filter,
                           Binary id, List<PageRow> into) throws IOException {
        long rowCount = reader.getRowGroups().get(block).getRowCount();
        // all rows when the file has no page index (it then cannot say which pages to skip)
        RowRanges candidates = ColumnIndexFilter.calculateRowRanges(filter, reader.getColumnIndexStore(block),
                reading.paths, rowCount);
        if (candidates.rowCount() == 0) {
            return;
        }
        if (candidates.rowCount() < rowCount) {
            RowRanges exact = exactRows(block, candidates, id, rowCount);
            if (exact != null) {
                if (exact.rowCount() > 0) {
                    readAll(reader.readFilteredRowGroup(block, exact), reading, into);
                }
                return;
            }
        }
        PageReadStore pages = candidates.rowCount() == rowCount ? reader.readRowGroup(block)
                : reader.readFilteredRowGroup(block, candidates);
        RecordReader<PageRow> records = reading.io.getRecordReader(pages, new PageRowMaterializer(reading.schema),
                filter);
        for (long i = 0; i < pages.getRowCount(); i++) {
            PageRow row = records.read();
            if (row != null && !records.shouldSkipCurrentRecord()) {
                into.add(row);
            }
        }
    }

    /**
     * The document's rows among the candidate rows (the pages whose doc_id range holds the id), read
     * from the doc_id column alone: decoding a whole record costs about a hundred times more than its
     * id, and the candidate pages mostly hold other documents. Null when the rows are not one run
     * (a file not sorted by doc_id): the caller then filters record by record.
     */
    private RowRanges exactRows(int block, RowRanges candidates, Binary id, long rowCount) throws IOException {
        ParquetFileReader reader = ids.readers.borrow();
        boolean reusable = false;
        try {
            PageReadStore pages = reader.readFilteredRowGroup(block, candidates);
            RecordReader<Binary> records = ids.io.getRecordReader(pages, new DocIdMaterializer());
            PrimitiveIterator.OfLong rows = candidates.iterator();
            long first = -1;
            long last = -1;
            for (long i = 0; i < pages.getRowCount(); i++) {
                Binary value = records.read();
                long row = rows.nextLong();
                if (id.equals(value)) {
                    if (first >= 0 && row != last + 1) {
                        reusable = true;
                        return null;
                    }
                    first = first < 0 ? row : first;
                    last = row;
                }
            }
            reusable = true;
            return first < 0 ? RowRanges.EMPTY : RowSpan.of(first, last, rowCount);
        } finally {
            ids.readers.giveBack(reader, reusable);
        }
    }

    private static void readAll(PageReadStore pages, Reading reading, List<PageRow> into) {
        RecordReader<PageRow> records = reading.io.getRecordReader(pages, new PageRowMaterializer(reading.schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
            into.add(records.read());
        }
    }

    private static MessageType project(MessageType schema, java.util.function.Predicate<String> keep) {
        List<Type> fields = schema.getFields().stream().filter(f -> keep.test(f.getName())).toList();
        return new MessageType(schema.getName(), fields);
    }

    /** One projection: its schema, record assembly and the readers opened for it. */
    private final class Reading {
        final MessageType schema;
        final MessageColumnIO io;
        final Set<ColumnPath> paths;
        final ReaderPool readers;

        Reading(MessageType schema, Configuration conf) {
            this.schema = schema;
            this.io = new ColumnIOFactory(footer.getFileMetaData().getCreatedBy())
                    .getColumnIO(schema, footer.getFileMetaData().getSchema());
            this.paths = schema.getColumns().stream().map(c -> ColumnPath.get(c.getPath()))
                    .collect(Collectors.toUnmodifiableSet());
            this.readers = new ReaderPool(() -> {
                // options per reader: they hold the decompressors, which are neither thread-safe
                // nor usable after the reader that shares them closes
                ParquetReadOptions options = HadoopReadOptions.builder(conf).build();
                ParquetFileReader reader = ParquetFileReader.open(file, footer, options, file.newStream());
                reader.setRequestedSchema(schema);
                return reader;
            }, IDLE_READERS);
        }
    }
}
