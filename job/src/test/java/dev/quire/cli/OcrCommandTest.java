package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.cli.RunOutput.Result;
import dev.quire.testing.TestPdfs;
import dev.quire.testing.TextScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quire ocr} end to end, in process: real PDFs, real models, real files. */
class OcrCommandTest {
    @TempDir
    static Path dir;
    private static Path digital;
    private static Path scan;

    @BeforeAll
    static void makePdfs() {
        digital = TestPdfs.bornDigital(dir.resolve("digital.pdf"), List.of(TestPdfs.PROSE, TestPdfs.PROSE_LEFT));
        scan = TestPdfs.imageOnly(digital, dir.resolve("scan.pdf"), 200);
    }



    @Test
    void printsPageTextsSeparatedByFormFeeds() {
        Result r = Result.of("ocr", "--device", "cpu", "-q", scan.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        String[] pages = r.out().split("\f");
        assertThat(pages).hasSize(2);
        assertThat(TextScore.cer(String.join("\n", TestPdfs.PROSE), pages[0])).isLessThan(0.02);
        assertThat(TextScore.cer(String.join("\n", TestPdfs.PROSE_LEFT), pages[1])).isLessThan(0.02);
    }

    @Test
    void writesOneJsonFilePerDocument() throws Exception {
        Path out = dir.resolve("json");
        Result r = Result.of("ocr", "--device", "cpu", "-q", "--format", "json", "-o", out.toString(), digital.toString(),
                scan.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        JsonNode d = new ObjectMapper().readTree(out.resolve("digital.json").toFile());
        assertThat(d.get("status").asText()).isEqualTo("ok");
        assertThat(d.get("doc_id").asText()).hasSize(64);
        assertThat(d.get("pages_text_layer").asInt()).isEqualTo(2);
        JsonNode s = new ObjectMapper().readTree(out.resolve("scan.json").toFile());
        assertThat(s.get("pages_ocr").asInt()).isEqualTo(2);
        JsonNode page = s.get("pages").get(0);
        assertThat(page.get("method").asText()).isEqualTo("ocr");
        assertThat(page.get("lines")).hasSize(TestPdfs.PROSE.size());
        assertThat(page.get("lines").get(0).get("box")).hasSize(8);
        assertThat(page.get("lines").get(0).get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(page.get("width_px").asInt()).isBetween(1699, 1701);
    }

    @Test
    void badFilesGetOneErrorLineEachAndTheOthersAreStillProcessed() throws Exception {
        Path junk = Files.write(dir.resolve("junk.pdf"), new byte[] {1, 2, 3, 4});
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        Path out = dir.resolve("mixed");
        Result r = Result.of("ocr", "--device", "cpu", "-q", "--mode", "text", "-o", out.toString(), junk.toString(),
                digital.toString(), empty.toString(), dir.resolve("missing.pdf").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(r.err().lines().toList()).containsExactly(
                "quire: " + junk + ": not a PDF (no %PDF- header)",
                "quire: " + empty + ": empty file (0 bytes)",
                "quire: " + dir.resolve("missing.pdf") + ": cannot read: no such file");
        assertThat(out.resolve("digital.txt")).exists();
        assertThat(out.resolve("junk.txt")).doesNotExist();
    }

    @Test
    void sameNamesInDifferentFoldersDoNotOverwriteEachOther() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        TestPdfs.bornDigital(a.resolve("report.pdf"), List.of(TestPdfs.PROSE));
        TestPdfs.bornDigital(b.resolve("report.pdf"), List.of(TestPdfs.PROSE_LEFT));
        Path out = dir.resolve("dups");
        Result r = Result.of("ocr", "-q", "--mode", "text", "-o", out.toString(), a.toString(), b.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .hasSize(2).contains("report.txt").anyMatch(n -> n.matches("report_[0-9a-f]{8}\\.txt"));
        }
    }

    @Test
    void statsReportThroughputAndStages() {
        Result r = Result.of("ocr", "--device", "cpu", "-q", "--stats", scan.toString());
        assertThat(r.err()).contains("pages: 2 (ocr 2)").contains("pages/s").contains("recognize");
        assertThat(r.err()).contains("stage figures").contains("images/s").contains("lines/s").contains("rec batches");
    }

    @Test
    void statsJsonHasPerStageFigures() throws Exception {
        Path json = dir.resolve("stages.json");
        Result r = Result.of("ocr", "--device", "cpu", "--mode", "ocr", "-q", "--stats-json", json.toString(),
                "--rec-batch-wait", "20", "--rec-batch", "4", "-o", dir.resolve("stats-out").toString(),
                scan.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode s = new ObjectMapper().readTree(json.toFile());
        assertThat(s.get("device").asText()).isEqualTo("cpu");
        assertThat(s.get("rec_batch_wait_ms").asInt()).isEqualTo(20);
        assertThat(s.get("render").get("pages").asInt()).isEqualTo(2);
        assertThat(s.get("detect").get("images").asInt()).isEqualTo(2);
        JsonNode rec = s.get("recognize");
        assertThat(rec.get("lines").asInt()).isGreaterThanOrEqualTo(TestPdfs.PROSE.size() + TestPdfs.PROSE_LEFT.size());
        assertThat(rec.get("batch_limit").asInt()).isEqualTo(4);
        assertThat(rec.get("mean_batch").asDouble()).isGreaterThan(1.0).isLessThanOrEqualTo(4.0);
        assertThat(rec.get("fill").asDouble()).isBetween(0.25, 1.0);
        assertThat(rec.get("seconds").asDouble()).isPositive();
    }

    @Test
    void badOptionValuesAreUsageErrorsThatQuoteTheValue() {
        Result mode = Result.of("ocr", "--mode", "fast", scan.toString());
        assertThat(mode.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(mode.err()).contains("'fast'");
        Result dpi = Result.of("ocr", "--dpi", "5000", scan.toString());
        assertThat(dpi.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(dpi.err()).contains("'5000'");
        assertThat(Result.of("ocr").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Result.of("frobnicate").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpShowsExamples() {
        Result r = Result.of("ocr", "--help");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Examples:").contains("--output-dir").contains("--device");
        assertThat(Result.of("--help").out()).contains("ocr").contains("Exit status");
    }
}
