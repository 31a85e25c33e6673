package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.cli.RunOutput.Result;
import dev.quire.testing.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quire bench}: the models alone at a corpus's shapes, and the pages/s they allow. */
class BenchCommandTest {
    @TempDir
    static Path dir;

    @Test
    void measuresBothModelsAndTheBound() throws Exception {
        Path digital = TestPdfs.bornDigital(dir.resolve("d.pdf"), List.of(TestPdfs.PROSE, TestPdfs.PROSE_LEFT));
        Path scan = TestPdfs.imageOnly(digital, dir.resolve("scan.pdf"), 200);
        Path json = dir.resolve("bound.json");
        Result r = Result.of("bench", "--device", "cpu", "--pages", "1", "--threads", "1", "--seconds", "0.2",
                "--rec-batch", "4", "--json", json.toString(), scan.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("det alone").contains("rec alone").contains("model bound");
        JsonNode b = new ObjectMapper().readTree(json.toFile());
        assertThat(b.get("device").asText()).isEqualTo("cpu");
        assertThat(b.get("pages").asInt()).isEqualTo(1);
        assertThat(b.get("lines").asInt()).isGreaterThanOrEqualTo(TestPdfs.PROSE.size());
        assertThat(b.get("rec_batch").asInt()).isEqualTo(4);
        assertThat(b.get("rec_widths").get(0).asInt() % 64).as("widths are bucketed").isZero();
        double det = b.get("det_images_per_second").asDouble();
        double rec = b.get("rec_lines_per_second").asDouble();
        assertThat(det).isPositive();
        assertThat(rec).isPositive();
        double expected = 1 / (1 / det + b.get("lines_per_page").asDouble() / rec);
        assertThat(b.get("bound_pages_per_second").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void badValuesAreUsageErrors() {
        Result r = Result.of("bench", "--threads", "0", "x.pdf");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'0'");
        assertThat(Result.of("bench", "--help").out()).contains("Examples:").contains("bound pages/s");
    }
}
