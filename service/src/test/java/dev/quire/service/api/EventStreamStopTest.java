package dev.quire.service.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the server ends open event streams at once (no request thread keeps waiting for a job). */
class EventStreamStopTest {
    @TempDir
    Path dir;

    @Test
    void stopEndsOpenStreamsAndUnsubscribes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.pdf"), "%PDF-1.4");
        TestApi api = new TestApi(dir.resolve("data"), Map.of("inputs.allowedRoots", in.toString(),
                "events.heartbeatSeconds", "60"), List::of);
        HttpResponse<String> submitted = api.postJson("/jobs", "{\"inputs\":[\"" + in.resolve("a.pdf") + "\"]}");
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(submitted.body()).get("id").asText();
        HttpResponse<Stream<String>> r = api.http.sendAsync(api.request("/jobs/" + id + "/events").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        CompletableFuture<Long> lines = CompletableFuture.supplyAsync(() -> r.body().count());
        assertThat(api.jobs.subscribed.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        api.close();
        assertThat(lines.get(10, TimeUnit.SECONDS)).isPositive();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("not the 60 s heartbeat").isLessThan(5000);
        assertThat(api.jobs.unsubscribed.get()).isEqualTo(1);
    }
}
