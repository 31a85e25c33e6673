package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.cli.RunOutput.Result;
import dev.quire.testing.TestPdfs;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quire run} end to end in local Spark: hostile inputs, the output contract, incremental runs. */
class RunCommandTest {
    @TempDir
    static Path dir;
    /** Reads outputs between runs; each run stops the JVM's Spark session, so this one is made after. */
    private SparkSession reader;

    private SparkSession reader() {
        if (reader == null || reader.sparkContext().isStopped()) {
            reader = SparkSession.builder().master("local[1]").appName("test reader")
                    .config("spark.ui.enabled", "false").getOrCreate();
        }
        return reader;
    }

    @AfterEach
    void stopReader() {
        if (reader != null) {
            reader.stop();
        }
    }



    private static Result runJob(Path input, Path output, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--input", input.toString(), "--output",
                output.toString(), "--master", "local[2]", "--device", "cpu", "--conf", "spark.ui.enabled=false"));
        args.addAll(List.of(extra));
        return Result.of(args.toArray(String[]::new));
    }

    private List<Row> documents(Path output, String runId) {
        return reader().read().parquet(output.resolve("documents/run=" + runId).toString()).collectAsList();
    }

    private static JsonNode onlyManifest(Path output) throws Exception {
        try (Stream<Path> runs = Files.list(output.resolve("runs"))) {
            List<Path> manifests = runs.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            return new ObjectMapper().readTree(manifests.get(manifests.size() - 1).toFile());
        }
    }

    @Test
    void hostileFilesEachGetOneDocumentsRowAndTheJobGoesOn() throws Exception {
        Path in = dir.resolve("hostile");
        Map<String, String> expected = HostileCorpus.write(in);
        Path out = dir.resolve("hostile-out");
        Result r = runJob(in, out);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(r.err()).contains("documents").contains("output: " + out);

        JsonNode manifest = onlyManifest(out);
        String runId = manifest.get("run_id").asText();
        List<Row> docs = documents(out, runId);
        Map<String, String> statusByFile = new HashMap<>();
        String prefix = in.toUri().getPath();
        for (Row d : docs) {
            String path = java.net.URI.create(d.getAs("path").toString().replace(" ", "%20")).getPath();
            statusByFile.put(path.substring(prefix.length()), d.getAs("status"));
        }
        assertThat(statusByFile).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(docs).allSatisfy(d -> assertThat(d.<String>getAs("run_id")).isEqualTo(runId));
        Row partial = docs.stream().filter(d -> "partial".equals(d.getAs("status"))).findFirst().orElseThrow();
        assertThat(partial.<String>getAs("error")).contains("page 2 has no area");
        Row encrypted = docs.stream().filter(d -> "encrypted".equals(d.getAs("status"))).findFirst().orElseThrow();
        assertThat(encrypted.<String>getAs("error")).contains("password");

        var pages = reader().read().parquet(out.resolve("pages/run=" + runId).toString());
        Row thousand = docs.stream().filter(d -> d.<String>getAs("path").contains("thousand")).findFirst().orElseThrow();
        assertThat(thousand.<Integer>getAs("page_count")).isEqualTo(1000);
        assertThat(pages.filter(pages.col("doc_id").equalTo(thousand.<String>getAs("doc_id"))).count()).isEqualTo(1000);
        assertThat(manifest.get("documents").get("ok").asInt()).isEqualTo(5);
        assertThat(manifest.get("pages").get("failed").asInt()).isEqualTo(1);
    }

    @Test
    void pagesFollowTheContractAndTheManifestDescribesTheRun() throws Exception {
        Path in = Files.createDirectories(dir.resolve("contract"));
        Path digital = TestPdfs.bornDigital(in.resolve("digital.pdf"), List.of(TestPdfs.PROSE, TestPdfs.PROSE_LEFT));
        TestPdfs.imageOnly(digital, in.resolve("scan.pdf"), 200);
        Path out = dir.resolve("contract-out");
        Result r = runJob(in, out, "--pages-per-task", "1", "-q");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        String runId = onlyManifest(out).get("run_id").asText();
        List<Row> pages = reader().read().parquet(out.resolve("pages/run=" + runId).toString())
                .orderBy("path", "page").collectAsList();
        assertThat(pages).hasSize(4);
        Row scanPage = pages.stream().filter(p -> p.<String>getAs("path").endsWith("scan.pdf")).findFirst().orElseThrow();
        assertThat(scanPage.<String>getAs("method")).isEqualTo("ocr");
        assertThat(scanPage.<Integer>getAs("page")).isEqualTo(1);
        assertThat(dev.quire.testing.TextScore.cer(String.join("\n", TestPdfs.PROSE), scanPage.getAs("text")))
                .isLessThan(0.02);
        List<Row> lines = scanPage.getList(scanPage.fieldIndex("lines"));
        assertThat(lines).hasSize(TestPdfs.PROSE.size());
        assertThat(lines.get(0).getList(2)).hasSize(8);
        Row textPage = pages.stream().filter(p -> p.<String>getAs("path").endsWith("digital.pdf")).findFirst().orElseThrow();
        assertThat(textPage.<String>getAs("method")).isEqualTo("text_layer");
        assertThat(textPage.<String>getAs("doc_id")).hasSize(64);

        JsonNode m = onlyManifest(out);
        assertThat(m.get("documents").get("ok").asInt()).isEqualTo(2);
        assertThat(m.get("pages").get("ocr").asInt()).isEqualTo(2);
        assertThat(m.get("pipeline").asText()).hasSize(16);
        assertThat(m.get("settings").get("pages_per_task").asInt()).isEqualTo(1);
        // per-stage figures summed over tasks: only the scan's two pages were rendered and read
        JsonNode stages = m.get("stages");
        assertThat(stages.get("render").get("pages").asInt()).isEqualTo(2);
        assertThat(stages.get("detect").get("images").asInt()).isEqualTo(2);
        assertThat(stages.get("ocr_pages").asInt()).isEqualTo(2);
        assertThat(stages.get("recognize").get("lines").asInt())
                .isGreaterThanOrEqualTo(TestPdfs.PROSE.size() + TestPdfs.PROSE_LEFT.size());
        assertThat(stages.get("recognize").get("lines_per_second").asDouble()).isPositive();
        assertThat(stages.get("recognize").get("batch_limit").asInt()).isEqualTo(1);
    }

    @Test
    void incrementalRunsReadOnlyNewAndChangedDocuments() throws Exception {
        Path in = Files.createDirectories(dir.resolve("incremental"));
        TestPdfs.bornDigital(in.resolve("a.pdf"), List.of(TestPdfs.PROSE));
        TestPdfs.bornDigital(in.resolve("b.pdf"), List.of(TestPdfs.PROSE_LEFT));
        Path out = dir.resolve("incremental-out");
        assertThat(runJob(in, out, "--incremental", "-q").code()).isEqualTo(ExitCodes.OK);
        String first = onlyManifest(out).get("run_id").asText();

        TestPdfs.bornDigital(in.resolve("b.pdf"), List.of(TestPdfs.PROSE_RIGHT));   // changed content
        TestPdfs.bornDigital(in.resolve("c.pdf"), List.of(TestPdfs.PROSE, TestPdfs.PROSE_RIGHT));   // new
        assertThat(runJob(in, out, "--incremental", "-q").code()).isEqualTo(ExitCodes.OK);
        String second = onlyManifest(out).get("run_id").asText();
        assertThat(second).isGreaterThan(first);

        Map<String, Row> byName = new HashMap<>();
        for (Row d : documents(out, second)) {
            byName.put(Path.of(d.<String>getAs("path")).getFileName().toString(), d);
        }
        assertThat(byName.get("a.pdf").<String>getAs("status")).isEqualTo("skipped");
        assertThat(byName.get("a.pdf").<String>getAs("result_run_id")).isEqualTo(first);
        assertThat(byName.get("b.pdf").<String>getAs("status")).isEqualTo("ok");
        assertThat(byName.get("c.pdf").<String>getAs("status")).isEqualTo("ok");
        long pagesSecond = reader().read().parquet(out.resolve("pages/run=" + second).toString()).count();
        assertThat(pagesSecond).isEqualTo(3);   // b (1 page) + c (2 pages); a was not read again
    }

    @Test
    void eventsAreJsonLinesForPrograms() throws Exception {
        Path in = Files.createDirectories(dir.resolve("events"));
        TestPdfs.bornDigital(in.resolve("a.pdf"), List.of(TestPdfs.PROSE, TestPdfs.PROSE_LEFT));
        Files.write(in.resolve("junk.pdf"), new byte[] {1, 2, 3});
        Result r = runJob(in, dir.resolve("events-out"), "--events", "--mode", "text", "-q");
        assertThat(r.code()).isEqualTo(ExitCodes.SOME_FAILED);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new java.util.ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            events.add(json.readTree(line));
        }
        assertThat(events).extracting(e -> e.get("event").asText())
                .startsWith("planned").endsWith("finished").contains("progress", "document");
        assertThat(events.get(0).get("pages").asInt()).isEqualTo(2);
        assertThat(events).filteredOn(e -> e.get("event").asText().equals("document"))
                .extracting(e -> e.get("status").asText()).containsExactlyInAnyOrder("ok", "not_pdf");
        JsonNode finished = events.get(events.size() - 1);
        assertThat(finished.get("documents").get("ok").asInt()).isEqualTo(1);
        assertThat(finished.get("documents").get("not_pdf").asInt()).isEqualTo(1);
        assertThat(finished.get("stages").get("render").get("pages").asInt()).as("mode text renders nothing").isZero();

        Result failed = runJob(dir.resolve("nothing-here"), dir.resolve("events-out2"), "--events", "-q");
        assertThat(failed.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(json.readTree(failed.out().strip()).get("event").asText()).isEqualTo("failed");
    }

    @Test
    void aMissingInputFailsTheJobInOneLine() {
        Result r = runJob(dir.resolve("does-not-exist"), dir.resolve("never"));
        assertThat(r.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(r.err().strip().lines()).hasSize(1).first().asString()
                .contains("input path").contains("does not exist");
    }

    @Test
    void anUnwritableOutputFailsTheJobInOneLine() throws Exception {
        Path in = Files.createDirectories(dir.resolve("unwritable-in"));
        TestPdfs.bornDigital(in.resolve("a.pdf"), List.of(TestPdfs.PROSE));
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        Result r = runJob(in, blocker.resolve("out"), "-q");
        assertThat(r.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(r.err().strip().lines()).hasSize(1).first().asString().contains("cannot create output directory");
    }
}
