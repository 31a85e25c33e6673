package dev.quire.service.api;

import dev.quire.service.config.ServiceConfig;
import dev.quire.service.results.ParquetResults;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** An {@link ApiServer} on an ephemeral loopback port with a {@link FakeJobs}, and an HTTP client for it. */
final class TestApi implements AutoCloseable {
    static final String TOKEN = "test-token-0123456789abcdef";

    final ServiceConfig config;
    final FakeJobs jobs = new FakeJobs();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final ResultCatalog results;
    final ApiServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestApi(Path dataDir, Map<String, String> settings, Supplier<List<String>> jobOutputs) {
        Map<String, String> all = new HashMap<>(Map.of("auth.token", TOKEN, "data.dir", dataDir.toString(),
                "server.port", "0", "events.heartbeatSeconds", "1"));
        all.putAll(settings);
        config = ServiceConfig.load(null, Map.of(), all);
        results = new ResultCatalog(jobOutputs, config.defaultOutput().toString(),
                root -> new ParquetResults(root, new Configuration()), 0);
        server = new ApiServer(config, jobs, results, registry).start("127.0.0.1", 0);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> send(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        results.close();
    }
}
