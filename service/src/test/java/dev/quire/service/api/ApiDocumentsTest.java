package dev.quire.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.service.results.JobOutput;
import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document routes over a real output (two runs of the job, see {@link JobOutput}); the output
 * root is known to the API the way the job store reports it: as the output of a succeeded job.
 */
class ApiDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static JobOutput out;
    static TestApi api;

    @BeforeAll
    static void start() {
        out = JobOutput.build(dir);
        api = new TestApi(dir.resolve("data"), Map.of(), () -> List.of(out.root().toString()));
        api.jobs.put(job("first", out.firstRun(), JobStatus.SUCCEEDED));
        api.jobs.put(job("second", out.secondRun(), JobStatus.SUCCEEDED));
        api.jobs.put(job("waiting", null, JobStatus.QUEUED));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JobRecord job(String id, String runId, JobStatus status) {
        return new JobRecord(id, status, "paths", "{}", "{}", out.root().toString(), "embedded", null, runId, 0, 0, 0,
                Map.of(), Map.of(), null, Instant.now(), null, null, 1);
    }

    @Test
    void documentHasItsRowAndPagesInOrder() throws IOException {
        HttpResponse<String> r = api.get("/documents/" + out.longId());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.at("/document/docId").asText()).isEqualTo(out.longId());
        assertThat(doc.at("/document/path").asText()).endsWith("/long.pdf");
        assertThat(doc.at("/document/pageCount").asInt()).isEqualTo(JobOutput.LONG_PAGES);
        List<Integer> pages = new ArrayList<>();
        doc.get("pages").forEach(p -> {
            pages.add(p.get("page").asInt());
            assertThat(p.get("text").asText()).isEqualTo(JobOutput.longPageText(p.get("page").asInt()));
            assertThat(p.get("method").asText()).isEqualTo("text_layer");
        });
        assertThat(pages).containsExactlyElementsOf(IntStream.rangeClosed(1, JobOutput.LONG_PAGES).boxed().toList());
    }

    @Test
    void scannedPageHasLinesWithBoxesAndConfidences() throws IOException {
        JsonNode doc = JSON.readTree(api.get("/documents/" + out.scanId()).body());
        JsonNode page = doc.get("pages").get(0);
        assertThat(page.get("method").asText()).isEqualTo("ocr");
        assertThat(page.get("lines").size()).isPositive();
        JsonNode line = page.get("lines").get(0);
        assertThat(line.get("text").asText()).isNotBlank();
        assertThat(line.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(line.get("box").size()).isEqualTo(8);
    }

    @Test
    void textIsPlainWithFormFeedsBetweenPages() {
        HttpResponse<String> r = api.get("/documents/" + out.changedAfter() + "/text");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(r.body()).isEqualTo(JobOutput.SECOND_VERSION.get(0) + "\n\f" + JobOutput.SECOND_VERSION.get(1) + "\n");
    }

    @Test
    void documentsOfAJobArePagedAndFiltered() throws IOException {
        JsonNode all = JSON.readTree(api.get("/jobs/first/documents").body());
        assertThat(all.get("total").asLong()).isEqualTo(5);
        assertThat(all.get("items").get(0).get("runId").asText()).isEqualTo(out.firstRun());
        JsonNode page = JSON.readTree(api.get("/jobs/first/documents?limit=2&offset=1").body());
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("path").asText()).isEqualTo(all.get("items").get(1).get("path").asText());
        JsonNode skipped = JSON.readTree(api.get("/jobs/second/documents?status=skipped").body());
        assertThat(skipped.get("total").asLong()).isPositive();
        skipped.get("items").forEach(d -> assertThat(d.get("status").asText()).isEqualTo("skipped"));
        assertThat(JSON.readTree(api.get("/jobs/waiting/documents").body()).get("total").asLong()).isZero();
        assertThat(api.get("/jobs/first/documents?status=weird").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownDocumentIs404() {
        assertThat(api.get("/documents/" + "ab".repeat(32)).statusCode()).isEqualTo(404);
        assertThat(api.get("/documents/" + "ab".repeat(32) + "/text").statusCode()).isEqualTo(404);
    }
}
