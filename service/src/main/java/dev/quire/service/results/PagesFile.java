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
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * One pages file ({@code pages/run=ID/part-*.parquet}), its footer read once. A lookup reads the
 * rows of one document with a record filter on {@code doc_id}: row groups whose statistics or
 * dictionary exclude the id are skipped, and so are pages the column index excludes.
 */
final class PagesFile {
    /** What a lookup reads: everything but {@code path} (the documents row has it), or just the text. */
    enum Projection {
        FULL, TEXT
    }

    private static final Set<String> TEXT_COLUMNS = Set.of(Columns.DOC_ID, Columns.PAGE, Columns.TEXT);

    private final HadoopInputFile file;
    private final ParquetMetadata footer;
    private final Configuration conf;
    private final MessageType full;
    private final MessageType text;

    private PagesFile(HadoopInputFile file, ParquetMetadata footer, Configuration conf) {
        this.file = file;
        this.footer = footer;
        this.conf = conf;
        MessageType schema = footer.getFileMetaData().getSchema();
        this.full = project(schema, name -> !name.equals(Columns.PATH));
        this.text = project(schema, TEXT_COLUMNS::contains);
    }

    static PagesFile open(FileStatus status, Configuration conf) {
        try {
            HadoopInputFile file = HadoopInputFile.fromStatus(status, conf);
            try (ParquetFileReader reader = ParquetFileReader.open(file)) {
                return new PagesFile(file, reader.getFooter(), conf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footer of " + status.getPath() + ": " + e.getMessage(), e);
        }
    }

    /** The pages rows of one document in this file, in file order. */
    void read(String docId, Projection projection, List<PageRow> into) {
        MessageType schema = projection == Projection.TEXT ? text : full;
        FilterCompat.Filter filter = FilterCompat.get(FilterApi.eq(FilterApi.binaryColumn(Columns.DOC_ID),
                Binary.fromString(docId)));
        ParquetReadOptions options = HadoopReadOptions.builder(conf).withRecordFilter(filter).build();
        try (ParquetFileReader reader = ParquetFileReader.open(file, footer, options, file.newStream())) {
            reader.setRequestedSchema(schema);
            MessageColumnIO io = new ColumnIOFactory(footer.getFileMetaData().getCreatedBy())
                    .getColumnIO(schema, footer.getFileMetaData().getSchema());
            PageRowMaterializer materializer = new PageRowMaterializer(schema);
            PageReadStore rowGroup;
            while ((rowGroup = reader.readNextFilteredRowGroup()) != null) {
                RecordReader<PageRow> records = io.getRecordReader(rowGroup, materializer, filter);
                for (long i = 0; i < rowGroup.getRowCount(); i++) {
                    PageRow row = records.read();
                    if (row != null && !records.shouldSkipCurrentRecord()) {
                        into.add(row);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getPath() + ": " + e.getMessage(), e);
        }
    }

    private static MessageType project(MessageType schema, java.util.function.Predicate<String> keep) {
        List<Type> fields = schema.getFields().stream().filter(f -> keep.test(f.getName())).toList();
        return new MessageType(schema.getName(), fields);
    }
}
