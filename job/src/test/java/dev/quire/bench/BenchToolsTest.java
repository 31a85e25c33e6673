package dev.quire.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.local.FileDigest;
import dev.quire.render.PdfDocument;
import dev.quire.testing.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The helpers of scripts/bench.sh: corpus replication and the report. */
class BenchToolsTest {
    @TempDir
    Path dir;

    @Test
    void replicatesToAtLeastThePagesAskedWithDistinctBytes() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Path two = TestPdfs.bornDigital(dir.resolve("src/two.pdf"), List.of(TestPdfs.PROSE, TestPdfs.PROSE_LEFT));
        Files.write(dir.resolve("src/junk.pdf"), new byte[] {1, 2, 3});
        int pages = Replicate.replicate(List.of(two, dir.resolve("src/junk.pdf")), dir.resolve("out"), 7);
        assertThat(pages).isEqualTo(8);
        List<Path> copies;
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            copies = s.sorted().toList();
        }
        assertThat(copies).hasSize(4);
        Set<String> hashes = new HashSet<>();
        for (Path c : copies) {
            hashes.add(FileDigest.sha256(c));
            try (PdfDocument doc = PdfDocument.open(c)) {
                assertThat(doc.pageCount()).isEqualTo(2);
            }
        }
        assertThat(hashes).as("quire run reads identical files once").hasSize(4);
    }

    @Test
    void reportComparesEndToEndWithTheBound() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var run = json.readTree("""
                {"event":"finished","seconds":10.0,"stages":{"wall_seconds":10.0,"ocr_pages":40,"lines_per_page":30,
                 "render":{"pages":40,"seconds":4,"pages_per_second":10,"busy":0.4},
                 "detect":{"images":40,"seconds":2,"images_per_second":20,"busy":0.2},
                 "classify":{"lines":0,"seconds":0,"lines_per_second":0,"busy":0},
                 "recognize":{"lines":1200,"seconds":3,"lines_per_second":400,"busy":0.3,"batches":100,
                              "mean_batch":12,"batch_limit":16,"fill":0.75,"queue_wait_seconds":1.5}}}""");
        var bound = json.readTree("""
                {"device":"cuda:0","threads":16,"lines_per_page":30,"det_images_per_second":100,
                 "rec_lines_per_second":1500,"rec_batch":16,"bound_pages_per_second":5.0}""");
        String report = BenchReport.report(run, bound, 20.0, "quire run");
        assertThat(report).contains("device cuda:0").contains("4.00 pages/s").contains("model bound:")
                .contains("end to end / bound: 80 %").contains("fill 75 %");
        String result = report.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
        var r = json.readTree(result.substring(7));
        assertThat(r.get("ratio").asDouble()).isEqualTo(0.8);
        assertThat(r.get("process_pages_per_second").asDouble()).isEqualTo(2.0);
    }
}
