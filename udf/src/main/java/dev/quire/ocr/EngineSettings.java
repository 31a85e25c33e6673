package dev.quire.ocr;

import dev.quire.InvalidSettingsException;
import dev.quire.ocr.detect.DetectionSettings;
import dev.quire.ocr.recognize.RecognitionSettings;

import java.io.Serializable;

/**
 * Everything that decides how the OCR engine is built; small and serialisable so that it can be
 * shipped to executors, and a value object so that equal settings share one engine per JVM.
 *
 * @param device      where inference runs
 * @param cpuThreads  ONNX Runtime intra-op threads per model call on CPU
 * @param modelDir    directory with det.onnx, cls.onnx, rec.onnx, dict.txt; null for the bundled models
 * @param classifier  when the 180° classifier runs
 * @param restoreSpaces insert word spaces the recogniser dropped, from gaps between characters
 */
public record EngineSettings(Device device, int cpuThreads, String modelDir, ClassifierMode classifier,
                             boolean restoreSpaces, DetectionSettings detection,
                             RecognitionSettings recognition) implements Serializable {
    public static final int DEFAULT_CPU_THREADS = 1;

    public EngineSettings {
        if (device == null) {
            throw InvalidSettingsException.of("device", null, "auto, cpu, cuda or cuda:N");
        }
        if (cpuThreads < 1 || cpuThreads > 256) {
            throw InvalidSettingsException.of("cpuThreads", cpuThreads, "1..256");
        }
        if (classifier == null || detection == null || recognition == null) {
            throw new InvalidSettingsException("engine settings are incomplete");
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Device.AUTO, DEFAULT_CPU_THREADS, null, ClassifierMode.AUTO, true,
                DetectionSettings.DEFAULTS, RecognitionSettings.DEFAULTS);
    }

    public EngineSettings withDevice(Device value) {
        return new EngineSettings(value, cpuThreads, modelDir, classifier, restoreSpaces, detection, recognition);
    }

    public EngineSettings withCpuThreads(int value) {
        return new EngineSettings(device, value, modelDir, classifier, restoreSpaces, detection, recognition);
    }

    public EngineSettings withModelDir(String value) {
        return new EngineSettings(device, cpuThreads, value, classifier, restoreSpaces, detection, recognition);
    }

    public EngineSettings withClassifier(ClassifierMode value) {
        return new EngineSettings(device, cpuThreads, modelDir, value, restoreSpaces, detection, recognition);
    }

    public EngineSettings withRestoreSpaces(boolean value) {
        return new EngineSettings(device, cpuThreads, modelDir, classifier, value, detection, recognition);
    }

    public EngineSettings withDetection(DetectionSettings value) {
        return new EngineSettings(device, cpuThreads, modelDir, classifier, restoreSpaces, value, recognition);
    }

    public EngineSettings withRecognition(RecognitionSettings value) {
        return new EngineSettings(device, cpuThreads, modelDir, classifier, restoreSpaces, detection, value);
    }
}
