package dev.quire.service.results;

import dev.quire.job.OutputLayout;
import dev.quire.service.results.Results.DocumentRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The documents rows of one run ({@code documents/run=ID/}: one small file, one row per input file), by path. */
final class DocumentsTable {
    private static final Comparator<DocumentRow> BY_PATH = Comparator.comparing(DocumentRow::path);

    private final OutputLayout layout;
    private final Configuration conf;

    DocumentsTable(OutputLayout layout, Configuration conf) {
        this.layout = layout;
        this.conf = conf;
    }

    List<DocumentRow> ofRun(String runId) {
        List<DocumentRow> rows = new ArrayList<>();
        for (FileStatus f : PartFiles.list(layout.documents(runId), conf)) {
            read(f, rows);
        }
        rows.sort(BY_PATH);
        return List.copyOf(rows);
    }

    private void read(FileStatus status, List<DocumentRow> rows) {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(status, conf))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory(reader.getFooter().getFileMetaData().getCreatedBy())
                    .getColumnIO(schema);
            DocumentRowMaterializer materializer = new DocumentRowMaterializer(schema);
            PageReadStore rowGroup;
            while ((rowGroup = reader.readNextRowGroup()) != null) {
                RecordReader<DocumentRow> records = io.getRecordReader(rowGroup, materializer);
                for (long i = 0; i < rowGroup.getRowCount(); i++) {
                    rows.add(records.read());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + status.getPath() + ": " + e.getMessage(), e);
        }
    }
}
