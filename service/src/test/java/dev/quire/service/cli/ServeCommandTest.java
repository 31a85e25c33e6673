package dev.quire.service.cli;

import dev.quire.cli.Quire;
import dev.quire.service.config.ServiceConfig;
import dev.quire.service.config.Setting;
import dev.quire.service.jobs.JobEvent;
import dev.quire.service.jobs.JobSpec;
import dev.quire.service.jobs.Jobs;
import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;
import dev.quire.service.store.JobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quire serve}: refuses unsafe configurations, starts, answers, stops. */
class ServeCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicBoolean closed = new AtomicBoolean();

    @Test
    void refusesToStartWithoutAToken() {
        ServeCommand cmd = command(Map.of());
        int code = cli(cmd).execute("--data-dir", dir.toString(), "--port", "0");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no bearer token").contains("QUIRE_AUTH_TOKEN");
    }

    @Test
    void refusesAuthDisabledOnANonLoopbackAddress() throws IOException {
        Path conf = Files.writeString(dir.resolve("s.properties"), "auth.disabled=true\n");
        int code = cli(command(Map.of())).execute("--config", conf.toString(), "--host", "0.0.0.0", "--port", "0",
                "--data-dir", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("server.host").contains("loopback");
    }

    @Test
    void startsWithAuthDisabledOnLoopbackAndAnswersHealthThenStops() throws Exception {
        Path conf = Files.writeString(dir.resolve("s.properties"), "auth.disabled=true\n");
        ServeCommand cmd = command(Map.of());
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli(cmd).execute("--config",
                conf.toString(), "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.resolve("data").toString()));
        int port = cmd.awaitPort(Duration.ofSeconds(30));
        HttpResponse<String> health = get(port, "/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"ready\":true");
        assertThat(get(port, "/jobs", null).statusCode()).as("no token needed").isEqualTo(200);
        assertThat(out.toString()).contains("listening on http://127.0.0.1:" + port + "/");
        cmd.stop();
        assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(closed).isTrue();
    }

    @Test
    void startsWithATokenFromTheEnvironment() throws Exception {
        String token = "env-token-0123456789";
        ServeCommand cmd = command(Map.of(Setting.AUTH_TOKEN.environmentName(), token));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli(cmd).execute("--port", "0",
                "--data-dir", dir.toString()));
        int port = cmd.awaitPort(Duration.ofSeconds(30));
        assertThat(get(port, "/health", null).statusCode()).isEqualTo(200);
        assertThat(get(port, "/jobs", null).statusCode()).isEqualTo(401);
        assertThat(get(port, "/jobs", token).statusCode()).isEqualTo(200);
        cmd.stop();
        assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void serveIsAQuireCommandWithExamples() {
        CommandLine quire = Quire.commandLine();
        assertThat(quire.getSubcommands()).containsKey("serve");
        String help = quire.getSubcommands().get("serve").getUsageMessage();
        assertThat(help).contains("Examples:").contains("--config").contains("--data-dir");
    }

    @Test
    void shippedPropertiesDocumentEverySettingAndLoad() throws IOException {
        Path shipped = Path.of(System.getProperty("user.dir")).resolve("../conf/service.properties").normalize();
        String text = Files.readString(shipped);
        for (Setting s : Setting.values()) {
            assertThat(text).as(s.key()).containsPattern("(?m)^#?" + java.util.regex.Pattern.quote(s.key()) + "=");
        }
        ServiceConfig c = ServiceConfig.load(shipped, Map.of(), Map.of("auth.token", "x".repeat(16)));
        assertThat(c.port()).isEqualTo(ServiceConfig.DEFAULT_PORT);
    }

    private ServeCommand command(Map<String, String> env) {
        return new ServeCommand((config, registry) -> new QuietJobs(closed), env, false);
    }

    private CommandLine cli(ServeCommand cmd) {
        CommandLine cli = new CommandLine(cmd);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    private static HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Jobs with nothing in it. */
    private record QuietJobs(AtomicBoolean closed) implements Jobs {
        @Override
        public JobRecord submit(JobSpec spec, String source, String requestJson) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<JobRecord> find(String id) {
            return Optional.empty();
        }

        @Override
        public JobStore.Page list(JobStatus status, int offset, int limit) {
            return new JobStore.Page(List.of(), 0);
        }

        @Override
        public List<String> resultOutputs() {
            return List.of();
        }

        @Override
        public JobRecord cancel(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AutoCloseable subscribe(String id, Consumer<JobEvent> listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RunnerState state() {
            return new RunnerState("embedded", 0, 0, 1, 32, true);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
