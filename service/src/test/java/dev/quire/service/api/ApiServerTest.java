package dev.quire.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.service.jobs.JobEvent;
import dev.quire.service.jobs.JobSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API end to end over real HTTP, with a fake job manager: every route and every error path. */
class ApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path in;
    static Path outside;
    static Path outRoot;
    static TestApi api;

    @BeforeAll
    static void start() throws IOException {
        in = Files.createDirectories(dir.resolve("roots/in"));
        outside = Files.createDirectories(dir.resolve("outside"));
        outRoot = Files.createDirectories(dir.resolve("outroot"));
        Files.writeString(in.resolve("a.pdf"), "%PDF-1.4 a");
        Files.createDirectories(in.resolve("sub"));
        Files.writeString(in.resolve("sub/b.pdf"), "%PDF-1.4 b");
        Files.writeString(outside.resolve("secret.pdf"), "%PDF-1.4 secret");
        Files.createSymbolicLink(in.resolve("escape"), outside);
        Files.createSymbolicLink(in.resolve("escape.pdf"), outside.resolve("secret.pdf"));
        Path tree = Files.createDirectories(in.resolve("tree"));
        Files.writeString(tree.resolve("ok.pdf"), "%PDF-1.4 ok");
        Files.createSymbolicLink(tree.resolve("evil.pdf"), outside.resolve("secret.pdf"));
        Path fine = Files.createDirectories(in.resolve("fine"));
        Files.createSymbolicLink(fine.resolve("a-again.pdf"), in.resolve("a.pdf"));
        api = new TestApi(dir.resolve("data"), Map.of("inputs.allowedRoots", in.toString(),
                "outputs.allowedRoots", outRoot.toString(), "limits.maxBodyBytes", "2048",
                "uploads.maxFileBytes", "4096", "uploads.maxFiles", "2", "uploads.maxRequestBytes", "64k"), List::of);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.jobs.queueFull = false;
        api.jobs.storeHealthy = true;
        api.jobs.failure = null;
        api.jobs.error = null;
    }

    // ---- submit, get, list, cancel

    @Test
    void submitThenGetThenList() throws IOException {
        HttpResponse<String> r = api.postJson("/jobs", "{\"inputs\":[\"" + in.resolve("a.pdf") + "\",\""
                + in.resolve("sub") + "\"],\"mode\":\"ocr\",\"dpi\":200,\"device\":\"cpu\",\"incremental\":true}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode job = JSON.readTree(r.body());
        String id = job.get("id").asText();
        assertThat(r.headers().firstValue("Location")).hasValue("/jobs/" + id);
        assertThat(job.get("status").asText()).isEqualTo("queued");
        assertThat(job.get("links").get("events").asText()).isEqualTo("/jobs/" + id + "/events");
        assertThat(job.get("request").get("mode").asText()).isEqualTo("ocr");
        JobSpec spec = api.jobs.submitted.get(api.jobs.submitted.size() - 1);
        assertThat(spec.inputs()).containsExactly(in.resolve("a.pdf").toRealPath().toString(),
                in.resolve("sub").toRealPath().toString());
        assertThat(spec.output()).isEqualTo(api.config.defaultOutput().toString());
        assertThat(spec.dpi()).isEqualTo(200);
        assertThat(spec.incremental()).isTrue();

        HttpResponse<String> got = api.get("/jobs/" + id);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(got.body()).get("progress").get("pagesDone").asLong()).isZero();

        String second = JSON.readTree(api.postJson("/jobs", "{\"inputs\":[\"" + in.resolve("a.pdf") + "\"]}")
                .body()).get("id").asText();
        JsonNode list = JSON.readTree(api.get("/jobs?limit=2").body());
        assertThat(list.get("items").get(0).get("id").asText()).as("newest first").isEqualTo(second);
        assertThat(list.get("limit").asInt()).isEqualTo(2);
        assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(JSON.readTree(api.get("/jobs?status=succeeded").body()).get("total").asLong()).isZero();
        problem(api.get("/jobs?status=bogus"), 400, "bad-request");
        problem(api.get("/jobs?limit=0"), 400, "bad-request");
        problem(api.get("/jobs?offset=x"), 400, "bad-request");
    }

    @Test
    void cancelThenCancelAgainIsAConflict() throws IOException {
        String id = submitOne();
        HttpResponse<String> r = api.send(api.request("/jobs/" + id).DELETE().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("cancelled");
        problem(api.send(api.request("/jobs/" + id).DELETE().build()), 409, "conflict");
    }

    @Test
    void outputUnderAnOutputRootOrTheDefault() {
        assertThat(api.postJson("/jobs", job(in.resolve("a.pdf"), outRoot.resolve("new/deeper"))).statusCode())
                .isEqualTo(202);
        assertThat(last().output()).isEqualTo(outRoot.resolve("new/deeper").toString());
        assertThat(api.postJson("/jobs", job(in.resolve("a.pdf"), api.config.defaultOutput().resolve("x")))
                .statusCode()).isEqualTo(202);
        problem(api.postJson("/jobs", job(in.resolve("a.pdf"), outside.resolve("o"))), 403, "forbidden");
        problem(api.postJson("/jobs", job(in.resolve("a.pdf"), outRoot.resolve("../outside/o"))), 403, "forbidden");
    }

    @Test
    void linksThatStayInsideTheRootsAreFine() {
        assertThat(api.postJson("/jobs", job(in.resolve("fine"), null)).statusCode()).isEqualTo(202);
    }

    // ---- 400

    @Test
    void malformedJsonAndBadFieldsAre400() {
        problem(api.postJson("/jobs", "{\"inputs\": [\"/x\""), 400, "bad-request");
        problem(api.postJson("/jobs", "{\"inputs\":[\"" + in.resolve("a.pdf") + "\"]} trailing"), 400, "bad-request");
        problem(api.postJson("/jobs", ""), 400, "bad-request");
        problem(api.postJson("/jobs", "[]"), 400, "bad-request");
        HttpResponse<String> unknown = api.postJson("/jobs", "{\"inputs\":[\"" + in.resolve("a.pdf") + "\"],\"dpii\":3}");
        problem(unknown, 400, "bad-request");
        assertThat(unknown.body()).contains("dpii");
        HttpResponse<String> type = api.postJson("/jobs", "{\"inputs\":[\"" + in.resolve("a.pdf") + "\"],\"dpi\":\"300\"}");
        problem(type, 400, "bad-request");
        assertThat(type.body()).contains("dpi").doesNotContain("com.fasterxml");
        problem(api.postJson("/jobs", "{\"inputs\":[]}"), 400, "bad-request");
        problem(api.postJson("/jobs", "{\"inputs\":[\"" + in.resolve("a.pdf") + "\"],\"mode\":\"fast\"}"), 400, "bad-request");
        problem(api.postJson("/jobs", "{\"inputs\":[\"" + in.resolve("a.pdf") + "\"],\"dpi\":5}"), 400, "bad-request");
        problem(api.postJson("/jobs", "{\"inputs\":[\"" + in.resolve("a.pdf") + "\"],\"device\":\"tpu\"}"), 400, "bad-request");
        problem(api.postJson("/jobs", "{\"inputs\":[\"relative/a.pdf\"]}"), 400, "bad-request");
        problem(api.postJson("/jobs", "{\"inputs\":[\"" + in.resolve("missing.pdf") + "\"]}"), 400, "bad-request");
        problem(api.send(api.request("/jobs").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 415, "unsupported-media-type");
    }

    @Test
    void jettyLevelMalformedRequestIsProblemJson() throws IOException {
        try (Socket s = new Socket("127.0.0.1", api.server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET /jobs HTTP/1.1\r\nHost: localhost\r\nthis is no header\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.setSoTimeout(5000);
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).contains("application/problem+json").contains("\"status\":400")
                    .doesNotContain("<html").doesNotContain("this is no header");
        }
    }

    // ---- 401

    @Test
    void missingOrWrongTokenIs401WithAChallengeAndNoDetails() {
        HttpResponse<String> none = api.send(HttpRequest.newBuilder(api.uri("/jobs")).GET().build());
        problem(none, 401, "unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"quire\"");
        HttpResponse<String> wrong = api.send(HttpRequest.newBuilder(api.uri("/jobs/job-1"))
                .header("Authorization", "Bearer " + TestApi.TOKEN + "x").GET().build());
        problem(wrong, 401, "unauthorized");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
        assertThat(wrong.body()).doesNotContain(TestApi.TOKEN).doesNotContain("job-1");
        HttpResponse<String> basic = api.send(HttpRequest.newBuilder(api.uri("/metrics"))
                .header("Authorization", "Basic " + TestApi.TOKEN).GET().build());
        problem(basic, 401, "unauthorized");
        // before routing: an unknown route and an upload without a token say nothing more than 401
        problem(api.send(HttpRequest.newBuilder(api.uri("/no/such/route")).GET().build()), 401, "unauthorized");
        problem(api.send(HttpRequest.newBuilder(api.uri("/jobs")).POST(HttpRequest.BodyPublishers.ofString("{"))
                .build()), 401, "unauthorized");
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/health")).GET().build()).statusCode()).isEqualTo(200);
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/openapi.json")).GET().build()).statusCode()).isEqualTo(200);
    }

    // ---- 403

    @Test
    void pathsOutsideTheRootsAre403() {
        problem(api.postJson("/jobs", job(outside.resolve("secret.pdf"), null)), 403, "forbidden");
        problem(api.postJson("/jobs", job(outside.resolve("does-not-exist.pdf"), null)), 403, "forbidden");
        problem(api.postJson("/jobs", "{\"inputs\":[\"" + in + "/../outside/secret.pdf\"]}"), 403, "forbidden");
        problem(api.postJson("/jobs", job(in.resolve("escape.pdf"), null)), 403, "forbidden");
        problem(api.postJson("/jobs", job(in.resolve("escape"), null)), 403, "forbidden");
        problem(api.postJson("/jobs", job(in.resolve("escape/secret.pdf"), null)), 403, "forbidden");
        HttpResponse<String> walked = api.postJson("/jobs", job(in.resolve("tree"), null));
        problem(walked, 403, "forbidden");
        assertThat(walked.body()).contains("symbolic link").doesNotContain(outside.toString());
        problem(api.postJson("/jobs", "{\"inputs\":[\"file://" + outside.resolve("secret.pdf") + "\"]}"), 403, "forbidden");
        problem(api.postJson("/jobs", "{\"inputs\":[\"hdfs://nn/corpus/a.pdf\"]}"), 403, "forbidden");
    }

    // ---- 404

    @Test
    void unknownJobDocumentAndRouteAre404() {
        problem(api.get("/jobs/nope"), 404, "not-found");
        problem(api.send(api.request("/jobs/nope").DELETE().build()), 404, "not-found");
        problem(api.get("/jobs/nope/events"), 404, "not-found");
        problem(api.get("/jobs/nope/documents"), 404, "not-found");
        problem(api.get("/documents/" + "0".repeat(64)), 404, "not-found");
        problem(api.get("/documents/" + "0".repeat(64) + "/text"), 404, "not-found");
        problem(api.get("/documents/not-an-id"), 400, "bad-request");
        problem(api.get("/no/such/route"), 404, "not-found");
    }

    // ---- 413

    @Test
    void bodiesOverTheLimitAre413() {
        String big = "{\"inputs\":[\"" + "x".repeat(3000) + "\"]}";
        problem(api.postJson("/jobs", big), 413, "payload-too-large");
        // no Content-Length (chunked): cut off while reading
        HttpResponse<String> chunked = api.send(api.request("/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        big.getBytes(StandardCharsets.UTF_8)))).build());
        problem(chunked, 413, "payload-too-large");
    }

    // ---- 429

    @Test
    void queueFullIs429WithRetryAfter() {
        api.jobs.queueFull = true;
        HttpResponse<String> r = api.postJson("/jobs", job(in.resolve("a.pdf"), null));
        problem(r, 429, "queue-full");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
    }

    // ---- 500

    @Test
    void unexpectedFailureIsAGeneric500() {
        api.jobs.failure = new IllegalStateException("secret internals at /etc/shadow");
        HttpResponse<String> r = api.postJson("/jobs", job(in.resolve("a.pdf"), null));
        problem(r, 500, "internal");
        assertThat(r.body()).doesNotContain("secret").doesNotContain("IllegalState").doesNotContain("at dev.quire");
    }

    @Test
    void anErrorIsAGeneric500Too() {
        api.jobs.error = new StackOverflowError("deep secret");
        HttpResponse<String> r = api.postJson("/jobs", job(in.resolve("a.pdf"), null));
        problem(r, 500, "internal");
        assertThat(r.body()).doesNotContain("secret").doesNotContain("StackOverflow");
    }

    // ---- uploads

    @Test
    void uploadsAreStoredAndSubmitted() throws IOException {
        Multipart m = new Multipart().file("files", "../../report.pdf", pdf(100)).file("files", "scan", pdf(200))
                .field("mode", "text").field("incremental", "true");
        HttpResponse<String> r = upload(m);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode job = JSON.readTree(r.body());
        assertThat(job.get("source").asText()).isEqualTo("upload");
        String uploadId = job.get("request").get("uploadId").asText();
        Path stored = api.config.uploadsDir().resolve(uploadId);
        assertThat(job.get("request").get("files")).extracting(JsonNode::asText).containsExactly("report.pdf", "scan.pdf");
        assertThat(Files.readAllBytes(stored.resolve("report.pdf"))).isEqualTo(pdf(100));
        assertThat(Files.readAllBytes(stored.resolve("scan.pdf"))).isEqualTo(pdf(200));
        JobSpec spec = last();
        assertThat(spec.inputs()).containsExactly(stored.toString());
        assertThat(spec.mode().label()).isEqualTo("text");
        assertThat(spec.incremental()).isTrue();
        assertThat(spec.output()).isEqualTo(api.config.defaultOutput().toString());
    }

    @Test
    void uploadErrors() throws IOException {
        Set<String> before = uploads();
        problem(upload(new Multipart().file("files", "a.pdf", "GIF89a not a pdf".getBytes(StandardCharsets.US_ASCII))),
                415, "unsupported-media-type");
        problem(upload(new Multipart().file("files", "a.pdf", pdf(10)).file("files", "b.pdf", pdf(10))
                .file("files", "c.pdf", pdf(10))), 413, "payload-too-large");
        problem(upload(new Multipart().file("files", "a.pdf", pdf(5000))), 413, "payload-too-large");
        problem(upload(new Multipart().field("mode", "ocr")), 400, "bad-request");
        problem(upload(new Multipart().file("files", "a.pdf", pdf(10)).field("mode", "fast")), 400, "bad-request");
        problem(upload(new Multipart().file("files", "a.pdf", pdf(10)).field("output", outside.toString())),
                403, "forbidden");
        problem(api.postJson("/jobs/uploads", "{}"), 415, "unsupported-media-type");
        api.jobs.queueFull = true;
        HttpResponse<String> full = upload(new Multipart().file("files", "a.pdf", pdf(10)));
        problem(full, 429, "queue-full");
        assertThat(full.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(uploads()).as("a refused upload leaves nothing behind").isEqualTo(before);
    }

    @Test
    void uploadRequestOverTheRequestLimitIs413BeforeItIsRead() {
        problem(upload(new Multipart().file("files", "a.pdf", pdf(80 * 1024))), 413, "payload-too-large");
    }

    // ---- events

    @Test
    void eventsArriveInOrderWithHeartbeatsAndTheStreamEnds() throws Exception {
        String id = submitOne();
        FakeJobs jobs = api.jobs;
        int closedBefore = jobs.unsubscribed.get();
        seen.clear();
        CompletableFuture<HttpResponse<Stream<String>>> pending = api.http.sendAsync(
                api.request("/jobs/" + id + "/events").GET().build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = pending.get(10, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Iterator<String> it = r.body().iterator();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> it.forEachRemaining(lines::add));
        // each event reaches the client while the stream is open (nothing buffers it)
        assertThat(next(lines, l -> l.equals(": heartbeat"))).as("a heartbeat within 1 s").isTrue();
        jobs.emit(id, new JobEvent("progress", "{\"pagesDone\":1,\"pagesTotal\":3}"));
        assertThat(next(lines, l -> l.startsWith("data: {\"pagesDone\":1"))).isTrue();
        jobs.emit(id, new JobEvent("document", "{\"path\":\"a.pdf\",\"status\":\"ok\"}"));
        jobs.emit(id, new JobEvent("progress", "{\"pagesDone\":3,\"pagesTotal\":3}"));
        jobs.emit(id, new JobEvent("finished", "{\"status\":\"succeeded\"}"));
        reader.get(10, TimeUnit.SECONDS);   // the server ended the stream
        seen.addAll(lines);
        assertThat(seen.stream().filter(l -> l.startsWith("event: ") || l.startsWith("data: ")).toList()).containsExactly(
                "event: progress", "data: {\"pagesDone\":1,\"pagesTotal\":3}",
                "event: document", "data: {\"path\":\"a.pdf\",\"status\":\"ok\"}",
                "event: progress", "data: {\"pagesDone\":3,\"pagesTotal\":3}",
                "event: finished", "data: {\"status\":\"succeeded\"}");
        assertThat(jobs.unsubscribed.get()).isEqualTo(closedBefore + 1);
    }

    @Test
    void eventsOfAnEndedJobAreJustFinished() throws IOException {
        String id = submitOne();
        api.send(api.request("/jobs/" + id).DELETE().build());
        HttpResponse<String> r = api.get("/jobs/" + id + "/events");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("event: finished\ndata: {\"status\":\"cancelled\"}\n\n");
    }

    // ---- health, metrics, openapi

    @Test
    void healthReportsRunnerAndStoreAnd503WhenTheStoreIsDown() throws IOException {
        HttpResponse<String> ok = api.send(HttpRequest.newBuilder(api.uri("/health")).GET().build());
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode h = JSON.readTree(ok.body());
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.get("ready").asBoolean()).isTrue();
        assertThat(h.get("runner").get("kind").asText()).isEqualTo("embedded");
        assertThat(h.get("runner").get("queued").asInt()).isEqualTo(2);
        api.jobs.storeHealthy = false;
        HttpResponse<String> down = api.send(HttpRequest.newBuilder(api.uri("/health")).GET().build());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(down.body()).get("store").get("healthy").asBoolean()).isFalse();
    }

    @Test
    void metricsHaveRequestTimersByRouteTemplate() {
        api.get("/jobs/nope");
        api.get("/jobs/also-nope");
        HttpResponse<String> m = api.get("/metrics");
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(m.body()).contains("quire_http_requests_seconds_count{").contains("route=\"/jobs/{id}\"")
                .doesNotContain("also-nope");
    }

    @Test
    void openApiIsJsonAndListsEveryRoute() throws IOException {
        HttpResponse<String> r = api.send(HttpRequest.newBuilder(api.uri("/openapi.json")).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<ApiServer.Route> documented = new HashSet<>();
        doc.get("paths").properties().forEach(p -> p.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(new ApiServer.Route(method, p.getKey()))));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(ApiServer.ROUTES);
        assertThat(doc.at("/components/schemas/Problem/properties").has("type")).isTrue();
        doc.get("paths").forEach(p -> p.forEach(op -> assertThat(op.get("responses").size()).isPositive()));
    }

    // ---- helpers

    /** Lines taken from the stream so far, in order. */
    private static final List<String> seen = new ArrayList<>();

    /** Takes lines until one matches (true) or 5 s pass (false); every line taken is kept in {@link #seen}. */
    private static boolean next(BlockingQueue<String> lines, java.util.function.Predicate<String> match)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null) {
                seen.add(l);
                if (match.test(l)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void problem(HttpResponse<String> r, int status, String slug) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(r.body())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        try {
            JsonNode p = JSON.readTree(r.body());
            assertThat(p.get("type").asText()).isEqualTo("https://quire.dev/problems/" + slug);
            assertThat(p.get("status").asInt()).isEqualTo(status);
            assertThat(p.get("title").asText()).isNotBlank();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String job(Path input, Path output) {
        return "{\"inputs\":[\"" + input + "\"]" + (output == null ? "" : ",\"output\":\"" + output + "\"") + "}";
    }

    private static String submitOne() throws IOException {
        HttpResponse<String> r = api.postJson("/jobs", job(in.resolve("a.pdf"), null));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body()).get("id").asText();
    }

    private static JobSpec last() {
        return api.jobs.submitted.get(api.jobs.submitted.size() - 1);
    }

    private static byte[] pdf(int size) {
        byte[] b = new byte[size];
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            b[i] = i < magic.length ? magic[i] : (byte) ('a' + i % 26);
        }
        return b;
    }

    private static HttpResponse<String> upload(Multipart m) {
        return api.send(api.request("/jobs/uploads").header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.bytes())).build());
    }

    private static Set<String> uploads() throws IOException {
        Path dir = api.config.uploadsDir();
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new HashSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
