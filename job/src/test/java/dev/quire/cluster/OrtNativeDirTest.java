package dev.quire.cluster;

import ai.onnxruntime.OrtEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/extract-ort-native.sh fills a directory that ONNX Runtime loads its natives from when
 * started with -Donnxruntime.native.path (checked in a child JVM, as an executor would start),
 * and a directory without them fails loudly instead of silently unpacking from the jar.
 */
class OrtNativeDirTest {
    private static final Path ROOT = SparkPresetsTest.repositoryRoot();

    @Test
    void extractedNativesAreLoadedFromTheDirectory(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(onPath("unzip"), "unzip is not installed (the script needs it)");
        Path ortJar = Path.of(OrtEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = tmp.resolve("ort-native");

        Result extract = run(List.of("bash", ROOT.resolve("scripts/extract-ort-native.sh").toString(),
                ortJar.toString(), dir.toString()));
        assertThat(extract.code).as(extract.output).isZero();
        assertThat(extract.output).contains("-Donnxruntime.native.path=" + dir);
        assertThat(dir.resolve(System.mapLibraryName("onnxruntime"))).isRegularFile();
        assertThat(dir.resolve(System.mapLibraryName("onnxruntime4j_jni"))).isRegularFile();
        assertThat(Files.readString(dir.resolve("ORT-VERSION"))).contains("1.26.0");

        Result probe = probe(ortJar, dir);
        assertThat(probe.code).as(probe.output).isZero();
        assertThat(probe.output).contains("ort-version: 1.26.0")
                .contains("Loaded native library 'onnxruntime' from specified path")
                .contains("Loaded native library 'onnxruntime4j_jni' from specified path")
                .doesNotContain("from resource path");
    }

    @Test
    void aDirectoryWithoutTheNativesFailsInsteadOfUnpackingFromTheJar(@TempDir Path empty) throws Exception {
        Path ortJar = Path.of(OrtEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Result probe = probe(ortJar, empty);
        assertThat(probe.code).as(probe.output).isEqualTo(3);
        assertThat(probe.output).contains("not found at");
    }

    @Test
    void theCudaProviderIsTakenFromTheDirectoryNotUnpacked(@TempDir Path tmp) throws Exception {
        // the GPU jar is no dependency of the CPU build: use the one 'mvn -Pgpu package' downloaded
        Path gpuJar = Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "microsoft",
                "onnxruntime", "onnxruntime_gpu", "1.26.0", "onnxruntime_gpu-1.26.0.jar");
        Assumptions.assumeTrue(Files.isRegularFile(gpuJar),
                "no " + gpuJar + ": build once with 'mvn -Pgpu -DskipTests package' to check the CUDA provider");
        Assumptions.assumeTrue(onPath("unzip"), "unzip is not installed (the script needs it)");
        Path dir = tmp.resolve("ort-gpu");
        Result extract = run(List.of("bash", ROOT.resolve("scripts/extract-ort-native.sh").toString(),
                gpuJar.toString(), dir.toString()));
        assertThat(extract.code).as(extract.output).isZero();
        assertThat(extract.output).contains("CUDA provider included");

        Result probe = probe(gpuJar, dir, "cuda");
        assertThat(probe.code).as(probe.output).isZero();
        // with a GPU and CUDA 12 + cuDNN 9 it loads; without, it fails on CUDA's own libraries, and
        // ONNX Runtime's message names the provider in the directory: nothing was unpacked
        String provider = dir.resolve(System.mapLibraryName("onnxruntime_providers_cuda")).toString();
        assertThat(probe.output).satisfiesAnyOf(
                out -> assertThat(out).contains("ort-cuda: ok"),
                out -> assertThat(out).contains("Failed to load library " + provider));
    }

    private static Result probe(Path ortJar, Path nativeDir, String... args) throws Exception {
        Path testClasses = Path.of(OrtNativeProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Donnxruntime.native.path=" + nativeDir,
                "-cp", ortJar + File.pathSeparator + testClasses, OrtNativeProbe.class.getName()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private record Result(int code, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
