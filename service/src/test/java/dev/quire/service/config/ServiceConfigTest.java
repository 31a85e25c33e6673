package dev.quire.service.config;

import dev.quire.InvalidSettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings: defaults, file < environment < command line, and errors that name key, origin and value. */
class ServiceConfigTest {
    private static final String TOKEN = "0123456789abcdef-token";

    @TempDir
    Path dir;

    @Test
    void defaultsNeedOnlyAToken() {
        ServiceConfig c = ServiceConfig.load(null, Map.of("QUIRE_AUTH_TOKEN", TOKEN), Map.of());
        assertThat(c.host()).isEqualTo(ServiceConfig.DEFAULT_HOST);
        assertThat(c.port()).isEqualTo(ServiceConfig.DEFAULT_PORT);
        assertThat(c.authToken()).isEqualTo(TOKEN);
        assertThat(c.maxConcurrent()).isEqualTo(ServiceConfig.DEFAULT_MAX_CONCURRENT);
        assertThat(c.queueDepth()).isEqualTo(ServiceConfig.DEFAULT_QUEUE_DEPTH);
        assertThat(c.runnerKind()).isEqualTo(RunnerKind.EMBEDDED);
        assertThat(c.sparkConf()).isEqualTo(ServiceConfig.DEFAULT_SPARK_CONF);
    }

    @Test
    void laterSourcesWin() throws IOException {
        Path file = dir.resolve("service.properties");
        Files.writeString(file, "server.port=9000\njobs.queueDepth=5\nauth.token=" + TOKEN + "\n"
                + "inputs.allowedRoots=/a, /b\nuploads.maxFileBytes=2m\n");
        ServiceConfig c = ServiceConfig.load(file, Map.of("QUIRE_JOBS_QUEUE_DEPTH", "7"),
                Map.of("server.port", "9100"));
        assertThat(c.port()).isEqualTo(9100);
        assertThat(c.queueDepth()).isEqualTo(7);
        assertThat(c.inputRoots()).containsExactly("/a", "/b");
        assertThat(c.uploadMaxFileBytes()).isEqualTo(2L << 20);
    }

    @Test
    void badValuesNameTheKeyTheirOriginAndTheValue() {
        assertThatThrownBy(() -> ServiceConfig.load(null, Map.of("QUIRE_AUTH_TOKEN", TOKEN,
                "QUIRE_JOBS_MAX_CONCURRENT", "lots"), Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("jobs.maxConcurrent")
                .hasMessageContaining("QUIRE_JOBS_MAX_CONCURRENT")
                .hasMessageContaining("'lots'");
        assertThatThrownBy(() -> ServiceConfig.load(null, Map.of("QUIRE_AUTH_TOKEN", TOKEN),
                Map.of("runner.kind", "yarn")))
                .hasMessageContaining("runner.kind").hasMessageContaining("'yarn'");
        assertThatThrownBy(() -> ServiceConfig.load(null, Map.of(), Map.of("no.such.key", "1")))
                .hasMessageContaining("unknown setting 'no.such.key'");
    }

    @Test
    void authIsRequiredUnlessExplicitlyOffOnLoopback() {
        assertThatThrownBy(() -> ServiceConfig.load(null, Map.of(), Map.of()))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("no bearer token");
        assertThatThrownBy(() -> ServiceConfig.load(null, Map.of("QUIRE_AUTH_TOKEN", "short"), Map.of()))
                .hasMessageContaining("auth.token").hasMessageContaining("(value hidden)")
                .hasMessageNotContaining("short'");
        assertThatThrownBy(() -> ServiceConfig.load(null, Map.of(),
                Map.of("auth.disabled", "true", "server.host", "0.0.0.0")))
                .hasMessageContaining("server.host").hasMessageContaining("loopback");
        ServiceConfig open = ServiceConfig.load(null, Map.of(), Map.of("auth.disabled", "true"));
        assertThat(open.authDisabled()).isTrue();
        assertThat(open.authToken()).isNull();
    }

    @Test
    void theClusterRunnerNeedsAMaster() {
        assertThatThrownBy(() -> ServiceConfig.load(null, Map.of("QUIRE_AUTH_TOKEN", TOKEN),
                Map.of("runner.kind", "cluster")))
                .hasMessageContaining("cluster.master");
        ServiceConfig c = ServiceConfig.load(null, Map.of("QUIRE_AUTH_TOKEN", TOKEN),
                Map.of("runner.kind", "cluster", "cluster.master", "spark://m:7077"));
        assertThat(c.runnerKind()).isEqualTo(RunnerKind.CLUSTER);
        assertThat(c.clusterMaster()).isEqualTo("spark://m:7077");
    }
}
