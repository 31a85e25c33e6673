package dev.quire.service.results;

import dev.quire.service.bench.SyntheticOutput;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups in files of many documents and many Parquet pages (the job's layout: sorted by doc_id,
 * 20-row pages), where a lookup reads only the document's own rows: every document comes back
 * with exactly its pages, compared with a plain parquet-java scan of the same files.
 */
class ExactRowsLookupTest {
    @TempDir
    Path dir;

    @Test
    void everyDocumentGetsExactlyItsOwnPages() throws IOException {
        Path out = dir.resolve("out");
        SyntheticOutput.main(new String[] {out.toString(), "1600", "4"});
        Map<String, Map<Integer, String>> expected = scan(out.resolve("pages"));
        assertThat(expected).hasSize(1600);

        try (ParquetResults results = new ParquetResults(out.toUri().toString(), new Configuration())) {
            for (Map.Entry<String, Map<Integer, String>> doc : expected.entrySet()) {
                List<Results.PageRow> pages = results.document(doc.getKey()).orElseThrow().pages();
                assertThat(pages).extracting(Results.PageRow::page).containsExactly(1, 2, 3, 4);
                for (Results.PageRow p : pages) {
                    assertThat(p.text()).as(doc.getKey() + " page " + p.page()).isEqualTo(doc.getValue().get(p.page()));
                    assertThat(p.lines()).isNotEmpty();
                }
            }
        }
    }

    /** doc_id → page → text, from every pages file read whole. */
    private static Map<String, Map<Integer, String>> scan(Path pagesDir) throws IOException {
        Map<String, Map<Integer, String>> all = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(pagesDir)) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
        }
        assertThat(files).hasSizeGreaterThan(1);
        for (Path f : files) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                    new org.apache.hadoop.fs.Path(f.toUri())).build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    all.computeIfAbsent(g.getString("doc_id", 0), k -> new HashMap<>())
                            .put(g.getInteger("page", 0), g.getString("text", 0));
                }
            }
        }
        return all;
    }
}
