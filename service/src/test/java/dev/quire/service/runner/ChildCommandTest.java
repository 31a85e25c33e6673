package dev.quire.service.runner;

import dev.quire.pipeline.ProcessingMode;
import dev.quire.service.config.ServiceConfig;
import dev.quire.service.jobs.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChildCommandTest {
    @TempDir
    Path dir;

    @Test
    void buildsTheLaunchersJvmAndTheRunOptions() {
        ServiceConfig c = TestSetup.config(dir, Map.of("runner.heap", "3g", "runner.master", "local[4]",
                "runner.sparkConf", "spark.ui.enabled=false,spark.sql.shuffle.partitions=8"));
        List<String> cmd = ChildCommand.of(c, new JobSpec(List.of("/in/a.pdf", "-odd dir"), "/out",
                ProcessingMode.OCR, 150, "cuda:1", true));

        Path root = TestSetup.repoRoot();
        assertThat(cmd.get(0)).endsWith("java");
        assertThat(cmd).contains("--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx3g");
        assertThat(cmd).doesNotContain("#");
        int main = cmd.indexOf("dev.quire.cli.Quire");
        assertThat(cmd.subList(main - 2, main)).containsExactly("-cp",
                root.resolve("job/target/quire-job.jar") + ":" + root.resolve("job/target/lib") + "/*");
        assertThat(cmd.subList(main + 1, cmd.size())).containsExactly("run", "--events", "-q", "--master", "local[4]",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=8",
                "--input=/in/a.pdf", "--input=-odd dir", "--output=/out", "--mode=ocr", "--dpi=150",
                "--device=cuda:1", "--incremental");
    }

    @Test
    void defaultsLeaveTheJobsOwnDefaultsAndTheDriverMemoryBecomesTheHeap() {
        ServiceConfig c = TestSetup.config(dir, Map.of("runner.sparkConf", "spark.driver.memory=2g"));
        List<String> cmd = ChildCommand.of(c, new JobSpec(List.of("/in"), "/out", null, null, null, false));
        assertThat(cmd).contains("-Xmx2g");
        assertThat(cmd.subList(cmd.indexOf("dev.quire.cli.Quire") + 1, cmd.size())).containsExactly("run", "--events",
                "-q", "--master", "local[*]", "--conf", "spark.driver.memory=2g", "--input=/in", "--output=/out");
    }

    @Test
    void theChildDoesNotInheritTheServicesSecrets() {
        Map<String, String> env = new HashMap<>(Map.of("QUIRE_AUTH_TOKEN", "s3cret-token-0123456789",
                "QUIRE_STORE_PASSWORD", "pw", "PATH", "/usr/bin", "QUIRE_JAVA_OPTS", "-Dx=1"));
        EmbeddedRunner.withoutSecrets(env);
        assertThat(env).containsOnlyKeys("PATH", "QUIRE_JAVA_OPTS");
    }
}
