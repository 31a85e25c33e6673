package dev.quire.cluster;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * conf/spark-*.conf, the presets of scripts/submit.sh, carry the JVM options of conf/java-opts
 * (Spark 4 on Java 17 needs them in every JVM); this keeps the copies from drifting apart.
 */
class SparkPresetsTest {
    private static final Path CONF = repositoryRoot().resolve("conf");

    @Test
    void presetsCarryTheJavaOptionsOfConfJavaOpts() throws IOException {
        List<String> javaOpts = Files.readAllLines(CONF.resolve("java-opts")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Properties cluster = load("spark-cluster.conf");
        Properties local = load("spark-local.conf");
        assertThat(options(cluster, "spark.executor.extraJavaOptions")).isEqualTo(javaOpts);
        assertThat(options(cluster, "spark.driver.extraJavaOptions")).isEqualTo(javaOpts);
        assertThat(options(local, "spark.driver.extraJavaOptions")).isEqualTo(javaOpts);
    }

    @Test
    void presetsTurnOffDynamicAllocationAndSpeculation() throws IOException {
        for (String preset : List.of("spark-cluster.conf", "spark-local.conf")) {
            Properties p = load(preset);
            assertThat(p.getProperty("spark.dynamicAllocation.enabled")).as(preset).isEqualTo("false");
            assertThat(p.getProperty("spark.speculation")).as(preset).isEqualTo("false");
            assertThat(p.getProperty("spark.task.cpus")).as(preset).isEqualTo("1");
            // a '#' after a value would become part of it
            p.forEach((k, v) -> assertThat(v.toString()).as("%s in %s", k, preset).doesNotContain("#"));
        }
    }

    private static List<String> options(Properties p, String key) {
        String v = p.getProperty(key);
        assertThat(v).as(key).isNotNull();
        return Arrays.asList(v.trim().split("\\s+"));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(CONF.resolve(name))) {
            p.load(r);
        }
        return p;
    }

    static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("conf/java-opts"))) {
                return d;
            }
        }
        throw new IllegalStateException("conf/java-opts not found above " + Path.of("").toAbsolutePath());
    }
}
