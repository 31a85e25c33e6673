package dev.quire.service.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A pages file's doc_id ranges, read from the page index of a real Parquet file. */
class DocIdRangesTest {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            "message pages { required binary doc_id (STRING); required int32 page; }");

    @TempDir
    Path dir;

    @Test
    void saysNoOnlyForIdsOutsideEveryPage() throws IOException {
        // ids d010, d020, … d500 (even tens), 3 pages each, sorted as the job writes them; 10-row pages
        List<String> ids = IntStream.rangeClosed(1, 50).mapToObj(i -> String.format("d%03d", i * 10)).toList();
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("part-0.parquet").toUri());
        SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<org.apache.parquet.example.data.Group> w = ExampleParquetWriter.builder(file)
                .withType(SCHEMA).withPageRowCountLimit(10).withDictionaryEncoding(false).build()) {
            for (String id : ids) {
                for (int p = 1; p <= 3; p++) {
                    w.write(rows.newGroup().append("doc_id", id).append("page", p));
                }
            }
        }
        DocIdRanges ranges;
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, new Configuration()))) {
            ranges = DocIdRanges.of(reader);
        }
        assertThat(ids).allMatch(ranges::mayContain);
        assertThat(ranges.mayContain("d000")).isFalse();
        assertThat(ranges.mayContain("d501")).isFalse();
        assertThat(ranges.mayContain("e")).isFalse();
        // 15 pages of 10 rows: most gaps between ids fall inside a page (may hold it), but not all
        long excluded = IntStream.rangeClosed(1, 499).filter(i -> i % 10 != 0)
                .mapToObj(i -> String.format("d%03d", i)).filter(id -> !ranges.mayContain(id)).count();
        assertThat(excluded).isPositive();
    }
}
