package dev.quire.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.service.api.Multipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service as a user runs it: {@code quire serve} with the real job manager, the H2 job
 * store and the embedded runner (each job a child JVM running {@code quire run} on the repository's
 * build), over real HTTP: submit → follow → results, an upload, and a restart that keeps the history.
 * Needs {@code job/target/quire-job.jar} and {@code job/target/lib} (the job module's package phase).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceEndToEndTest {
    private static final String TOKEN = "e2e-token-0123456789abcdef";
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    static Path dir;
    private static Path config;
    private static Path corpus;
    private static Service service;
    private static String pathJob;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One running {@code quire serve}. */
    private record Service(ServeCommand command, CompletableFuture<Integer> exit, int port) {
        static Service start() throws InterruptedException {
            ServeCommand cmd = new ServeCommand(ServiceJobs::open, Map.of(), false);
            CommandLine cli = new CommandLine(cmd);
            cli.setOut(new PrintWriter(new StringWriter()));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> cli.execute("--config", config.toString(), "--port", "0"));
            return new Service(cmd, exit, cmd.awaitPort(Duration.ofSeconds(60)));
        }

        void stop() throws Exception {
            command.stop();
            assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        assertThat(REPO.resolve("job/target/quire-job.jar")).as("the job module is packaged").exists();
        corpus = Files.createDirectories(dir.resolve("corpus"));
        for (String name : List.of("born-digital.pdf", "scanned-letter.pdf")) {
            Files.copy(REPO.resolve("samples").resolve(name), corpus.resolve(name));
        }
        config = Files.writeString(dir.resolve("service.properties"), String.join("\n",
                "home=" + REPO,
                "auth.token=" + TOKEN,
                "data.dir=" + dir.resolve("data"),
                "inputs.allowedRoots=" + corpus,
                "events.heartbeatSeconds=1",
                "runner.heap=1g",
                "runner.master=local[2]", ""));
        service = Service.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    @Order(1)
    void aPathJobRunsToTheEndAndItsDocumentsCanBeRead() throws Exception {
        HttpResponse<String> submitted = post("/jobs", "{\"inputs\":[\"" + corpus + "\"],\"mode\":\"auto\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        JsonNode job = JSON.readTree(submitted.body());
        pathJob = job.get("id").asText();
        assertThat(submitted.headers().firstValue("Location")).hasValue("/jobs/" + pathJob);

        JsonNode done = awaitEnd(pathJob);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.at("/progress/pagesDone").asLong()).isEqualTo(done.at("/progress/pagesTotal").asLong())
                .isPositive();
        assertThat(done.at("/documents/ok").asLong()).isEqualTo(2);
        assertThat(done.at("/timings/finishedAt").isNull()).isFalse();

        JsonNode docs = JSON.readTree(get("/jobs/" + pathJob + "/documents").body());
        assertThat(docs.get("total").asLong()).isEqualTo(2);
        String letter = null;
        for (JsonNode d : docs.get("items")) {
            if (d.get("path").asText().endsWith("scanned-letter.pdf")) {
                letter = d.get("docId").asText();
            }
        }
        assertThat(letter).isNotNull();

        JsonNode document = JSON.readTree(get("/documents/" + letter).body());
        assertThat(document.at("/document/status").asText()).isEqualTo("ok");
        JsonNode page = document.get("pages").get(0);
        assertThat(page.get("method").asText()).isEqualTo("ocr");
        assertThat(page.get("lines").size()).isPositive();
        assertThat(page.at("/lines/0/box").size()).isEqualTo(8);
        HttpResponse<String> text = get("/documents/" + letter + "/text");
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(text.body()).isNotBlank();
    }

    @Test
    @Order(2)
    void anUploadIsAJobAndItsEventsArriveAsTheyHappen() throws Exception {
        Multipart form = new Multipart().file("files", "upload.pdf",
                Files.readAllBytes(REPO.resolve("samples/scanned-two-column.pdf"))).field("mode", "ocr");
        HttpResponse<String> submitted = http.send(request("/jobs/uploads")
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build(), utf8());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = JSON.readTree(submitted.body()).get("id").asText();

        List<String> events = new ArrayList<>();
        HttpResponse<InputStream> stream = http.send(request("/jobs/" + id + "/events").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event: ")) {
                    events.add(line.substring(7));
                }
            }
        }
        assertThat(events).last().isEqualTo("finished");
        assertThat(events).contains("document");
        JsonNode done = JSON.readTree(get("/jobs/" + id).body());
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.at("/pages/ocr").asLong()).isPositive();
    }

    @Test
    @Order(3)
    void theHistorySurvivesARestart() throws Exception {
        service.stop();
        service = Service.start();
        JsonNode jobs = JSON.readTree(get("/jobs").body());
        assertThat(jobs.get("total").asLong()).isEqualTo(2);
        JsonNode first = JSON.readTree(get("/jobs/" + pathJob).body());
        assertThat(first.get("status").asText()).isEqualTo("succeeded");
        assertThat(JSON.readTree(get("/jobs/" + pathJob + "/documents").body()).get("total").asLong())
                .isEqualTo(2);
    }

    private JsonNode awaitEnd(String id) throws Exception {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = JSON.readTree(get("/jobs/" + id).body());
            String status = job.get("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                return job;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + id + " did not end within " + JOB_TIMEOUT);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .timeout(JOB_TIMEOUT).header("Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path).GET().build(), utf8());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r;
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), utf8());
    }

    private static HttpResponse.BodyHandler<String> utf8() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }
}
