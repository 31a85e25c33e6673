package dev.quire.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** scripts/submit.sh's GPU options, through --dry-run (no Spark, no build, no GPU needed). */
class SubmitScriptTest {
    private static final Path ROOT = SparkPresetsTest.repositoryRoot();

    @TempDir
    Path tmp;

    private record Result(int code, List<String> args, String err) {
        /** The value after the last occurrence of {@code option}. */
        String last(String option) {
            int i = args.lastIndexOf(option);
            assertThat(i).as("%s in %s", option, args).isGreaterThanOrEqualTo(0);
            return args.get(i + 1);
        }

        List<String> confs() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals("--conf")) {
                    out.add(args.get(i + 1));
                }
            }
            return out;
        }
    }

    private Result submit(String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", ROOT.resolve("scripts/submit.sh").toString(), "--dry-run"));
        cmd.addAll(Arrays.asList(options));
        cmd.addAll(List.of("--", "run", "--input", "in", "--output", "out"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("QUIRE_CLUSTER_JAR", tmp.resolve("quire-cluster.jar").toString());
        pb.environment().remove("QUIRE_RAPIDS_JAR");
        Path err = tmp.resolve("stderr");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out.lines().toList(), Files.readString(err));
    }

    @Test
    void gpuTakesTheGpuPresetAndShipsTheDiscoveryScript() throws Exception {
        Result r = submit("--gpu", "--master", "yarn", "--files", "extra.txt");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.last("--properties-file")).endsWith("conf/spark-gpu.conf");
        // spark-submit keeps only the last --files: the user's file must survive
        assertThat(r.args).containsOnlyOnce("--files");
        assertThat(r.last("--files")).startsWith("extra.txt,").endsWith("scripts/getGpusResources.sh");
    }

    @Test
    void anExplicitPresetWinsOverTheGpuDefault() throws Exception {
        assertThat(submit("--gpu", "--preset", "local").last("--properties-file")).endsWith("conf/spark-local.conf");
        assertThat(submit().last("--properties-file")).endsWith("conf/spark-cluster.conf");
    }

    @Test
    void rapidsAddsItsSettingsBeforeTheUsersAndItsJarWithJars() throws Exception {
        Path jar = Files.createFile(tmp.resolve("rapids-4-spark_2.13-26.08.1-cuda13.jar"));
        Result r = submit("--rapids", jar.toString(), "--jars", "mine.jar",
                "--conf", "spark.rapids.sql.enabled=false");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.last("--properties-file")).endsWith("conf/spark-gpu.conf");
        assertThat(r.args).containsOnlyOnce("--jars");
        assertThat(r.last("--jars")).isEqualTo("mine.jar," + jar);
        List<String> confs = r.confs();
        assertThat(confs).contains("spark.plugins=com.nvidia.spark.SQLPlugin",
                "spark.rapids.memory.gpu.allocFraction=0.3");
        // later --conf wins in spark-submit: the user's comes after the preset's
        assertThat(confs.lastIndexOf("spark.rapids.sql.enabled=false"))
                .isGreaterThan(confs.indexOf("spark.rapids.sql.enabled=true"));
        assertThat(r.args.indexOf("--class")).isGreaterThan(r.args.lastIndexOf("--jars"));
    }

    @Test
    void rapidsWithoutAJarSaysWhereToGetOne() throws Exception {
        Result r = submit("--rapids", tmp.resolve("missing.jar").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("missing.jar").contains("fetch-rapids.sh");
    }

    @Test
    void nativeDirIsAddedToThePresetsJavaOptionsOnBothSides() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("ort"));
        Files.createFile(dir.resolve("libonnxruntime.so"));
        Result r = submit("--gpu", "--native-dir", dir.toString());
        assertThat(r.code).as(r.err).isZero();
        String option = "-Donnxruntime.native.path=" + dir.toRealPath();
        for (String side : List.of("executor", "driver")) {
            String conf = r.confs().stream().filter(c -> c.startsWith("spark." + side + ".extraJavaOptions="))
                    .reduce((a, b) -> b).orElseThrow();
            // the preset's options are kept: setting the key replaces the whole value
            assertThat(conf).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED").endsWith(" " + option);
        }
    }

    @Test
    void nativeDirKeepsTheUsersOwnJavaOptions() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("ort"));
        Files.createFile(dir.resolve("libonnxruntime.so"));
        Result r = submit("--native-dir", dir.toString(), "--conf", "spark.executor.extraJavaOptions=-Dmine=1");
        assertThat(r.confs()).contains("spark.executor.extraJavaOptions=-Dmine=1 -Donnxruntime.native.path="
                + dir.toRealPath());
    }

    @Test
    void aNativeDirWithoutNativesIsRefused() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result r = submit("--native-dir", empty.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains(empty.toString()).contains("extract-ort-native.sh");
    }
}
