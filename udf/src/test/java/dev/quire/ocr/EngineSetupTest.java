package dev.quire.ocr;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.quire.InvalidSettingsException;
import dev.quire.QuireException;
import dev.quire.testing.SharedEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Devices, model locations and the per-JVM engine registry. */
class EngineSetupTest {
    private static boolean cudaBuild() {
        return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    }

    @Test
    void parsesDevices() {
        assertThat(Device.parse("auto")).isEqualTo(Device.AUTO);
        assertThat(Device.parse(" CPU ")).isEqualTo(Device.CPU);
        assertThat(Device.parse("cuda")).isEqualTo(new Device(Device.Kind.CUDA, 0));
        assertThat(Device.parse("cuda:3").ordinal()).isEqualTo(3);
        assertThat(Device.parse("cuda:3")).hasToString("cuda:3");
        assertThatThrownBy(() -> Device.parse("tpu")).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'tpu'");
        assertThatThrownBy(() -> Device.parse("cuda:x")).hasMessageContaining("'cuda:x'");
    }

    @Test
    void explicitCudaFailsWithOneClearLineWhenUnavailable() {
        assumeFalse(cudaBuild(), "this build has the CUDA execution provider; see cudaMatchesCpu");
        assertThatThrownBy(() -> OcrEngine.open(SharedEngine.CPU.withDevice(Device.parse("cuda:0"))))
                .isInstanceOf(DeviceUnavailableException.class)
                .hasMessageStartingWith("device cuda:0 requested but CUDA cannot be used")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void autoFallsBackToCpu() {
        assumeFalse(cudaBuild(), "this build has the CUDA execution provider");
        try (OcrEngine engine = OcrEngine.open(SharedEngine.CPU.withDevice(Device.AUTO))) {
            assertThat(engine.device()).isEqualTo(Device.CPU);
        }
    }

    @Test
    void cudaMatchesCpu() {
        assumeTrue(cudaBuild(), "needs a GPU build (mvn -Pgpu) on a machine with CUDA; CI runs the CPU build");
        try (OcrEngine gpu = OcrEngine.open(SharedEngine.CPU.withDevice(Device.parse("cuda:0")))) {
            assertThat(gpu.device().kind()).isEqualTo(Device.Kind.CUDA);
        }
    }

    /** Copies the bundled models into {@code dir} under the model-directory names, with the given dictionary. */
    private static ModelFiles copyBundled(Path dir, byte[] dictionary) throws Exception {
        ModelFiles bundled = ModelFiles.bundled();
        Files.write(dir.resolve(ModelFiles.DET_FILE), bundled.detector());
        Files.write(dir.resolve(ModelFiles.CLS_FILE), bundled.classifier());
        Files.write(dir.resolve(ModelFiles.REC_FILE), bundled.recognizer());
        Files.write(dir.resolve(ModelFiles.DICT_FILE), dictionary == null ? bundled.dictionary() : dictionary);
        return bundled;
    }

    @Test
    void loadsModelsFromADirectory(@TempDir Path dir) throws Exception {
        ModelFiles bundled = copyBundled(dir, null);
        ModelFiles fromDir = ModelFiles.fromDirectory(dir);
        assertThat(fromDir.fingerprint()).isEqualTo(bundled.fingerprint());
        try (OcrEngine engine = OcrEngine.open(SharedEngine.CPU.withModelDir(dir.toString()))) {
            assertThat(engine.modelFingerprint()).isEqualTo(bundled.fingerprint());
        }
    }

    @Test
    void aModelDirectoryMissingAFileIsNamed(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve(ModelFiles.DET_FILE), new byte[] {1});
        assertThatThrownBy(() -> ModelFiles.fromDirectory(dir)).isInstanceOf(QuireException.class)
                .hasMessageContaining("has no cls.onnx");
        assertThatThrownBy(() -> ModelFiles.fromDirectory(dir.resolve("nope")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aDictionaryThatDoesNotFitTheModelIsReported(@TempDir Path dir) throws Exception {
        copyBundled(dir, "a\nb\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> OcrEngine.open(SharedEngine.CPU.withModelDir(dir.toString())))
                .isInstanceOf(QuireException.class)
                .hasMessageContaining("output classes but its dictionary defines 4");
    }

    @Test
    void equalSettingsShareOneEnginePerJvm() {
        assertThat(Engines.shared(SharedEngine.CPU)).isSameAs(Engines.shared(SharedEngine.CPU.withCpuThreads(2)));
    }

    @Test
    void settingsQuoteBadValues() {
        assertThatThrownBy(() -> SharedEngine.CPU.withCpuThreads(0)).hasMessageContaining("cpuThreads: '0'");
        assertThatThrownBy(() -> ClassifierMode.parse("sometimes")).hasMessageContaining("'sometimes'");
    }
}
