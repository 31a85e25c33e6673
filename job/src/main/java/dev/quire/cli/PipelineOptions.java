package dev.quire.cli;

import dev.quire.InvalidSettingsException;
import dev.quire.ocr.ClassifierMode;
import dev.quire.ocr.Device;
import dev.quire.ocr.EngineSettings;
import dev.quire.ocr.detect.DetectionSettings;
import dev.quire.ocr.recognize.RecognitionSettings;
import dev.quire.pipeline.PipelineSettings;
import dev.quire.pipeline.ProcessingMode;
import dev.quire.render.RenderSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by every command that renders and reads pages. */
final class PipelineOptions {
    @Option(names = {"-m", "--mode"}, paramLabel = "MODE", defaultValue = "auto",
            description = "auto (text layer when usable, else OCR), ocr (always OCR), text (never OCR). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "" + RenderSettings.DEFAULT_DPI,
            description = "Render resolution for OCR (scans are never rendered above their own). Default: ${DEFAULT-VALUE}.")
    int dpi;

    /** Spark property for the device when --device is not given (conf/spark-gpu.conf sets cuda). */
    static final String DEVICE_PROPERTY = "spark.quire.device";

    // no picocli default: a missing --device lets spark.quire.device apply (quire run)
    @Option(names = "--device", paramLabel = "DEVICE",
            description = "auto (CUDA if available, else CPU with a warning), cpu, cuda or cuda:N. Default: auto"
                    + " (quire run: the Spark property " + DEVICE_PROPERTY + " when set).")
    String device;

    @Option(names = "--ocr-threads", paramLabel = "N", defaultValue = "" + EngineSettings.DEFAULT_CPU_THREADS,
            description = "ONNX Runtime threads per model call on CPU. Default: ${DEFAULT-VALUE}.")
    int ocrThreads;

    @Option(names = "--classifier", paramLabel = "WHEN", defaultValue = "auto",
            description = "180° line classifier: always, auto (only on pages where a sample finds upside-down text), off. Default: ${DEFAULT-VALUE}.")
    String classifier;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Use det.onnx, cls.onnx, rec.onnx and dict.txt from DIR instead of the bundled PP-OCRv4 models.")
    Path modelDir;

    @Option(names = "--det-limit", paramLabel = "PX", defaultValue = "" + DetectionSettings.DEFAULT_LIMIT_SIDE_LEN,
            description = "Longest side of the page image given to text detection. Default: ${DEFAULT-VALUE}.")
    int detLimit;

    @Option(names = "--rec-batch", paramLabel = "N", defaultValue = "" + RecognitionSettings.AUTO_BATCH,
            description = "Text lines per recognition call; 0 chooses by device (1 on CPU, 16 on CUDA). Default: ${DEFAULT-VALUE}.")
    int recBatch;

    @Option(names = "--rec-batch-wait", paramLabel = "MS|auto", defaultValue = "auto",
            description = "How long text lines from concurrently read pages may wait to share a recognition batch; "
                    + "0 reads each page's lines on their own; auto: " + RecognitionSettings.GPU_WAIT_MILLIS
                    + " ms on CUDA, 0 on CPU. Default: ${DEFAULT-VALUE}.")
    String recBatchWait;

    @Option(names = "--rec-width-bucket", paramLabel = "PX", defaultValue = "" + RecognitionSettings.DEFAULT_WIDTH_BUCKET,
            description = "Shared recognition batches are padded to a multiple of PX columns, so that input shapes "
                    + "repeat (GPU kernels are chosen per shape). Default: ${DEFAULT-VALUE}.")
    int recWidthBucket;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + RenderSettings.DEFAULT_MAX_PIXELS,
            description = "Largest rendered page; bigger pages are rendered at a lower resolution. Default: ${DEFAULT-VALUE}.")
    long maxPixels;

    @Option(names = "--no-space-restore", negatable = false,
            description = "Keep the recogniser's word spacing as is (by default dropped spaces are restored from character gaps).")
    boolean noSpaceRestore;

    private RecognitionSettings recognition() {
        if (recWidthBucket < 1 || recWidthBucket > RecognitionSettings.MAX_WIDTH_BUCKET) {
            throw InvalidSettingsException.of("--rec-width-bucket", recWidthBucket,
                    "pixels 1.." + RecognitionSettings.MAX_WIDTH_BUCKET);
        }
        int wait;
        try {
            wait = RecognitionSettings.parseBatchWait(recBatchWait);
        } catch (InvalidSettingsException e) {
            throw InvalidSettingsException.of("--rec-batch-wait", recBatchWait,
                    "auto or milliseconds 0.." + RecognitionSettings.MAX_WAIT_MILLIS);
        }
        return RecognitionSettings.DEFAULTS.withBatchSize(recBatch).withBatchWaitMillis(wait)
                .withWidthBucket(recWidthBucket);
    }

    /** Validated settings; invalid values raise an error that quotes them. */
    PipelineSettings settings() {
        return settings(null);
    }

    /**
     * Validated settings, with {@code configuredDevice} (the value of {@value #DEVICE_PROPERTY},
     * or null) as the device when --device was not given.
     */
    PipelineSettings settings(String configuredDevice) {
        EngineSettings engine = EngineSettings.defaults()
                .withDevice(device(configuredDevice))
                .withCpuThreads(ocrThreads)
                .withClassifier(ClassifierMode.parse(classifier))
                .withModelDir(modelDir == null ? null : modelDir.toString())
                .withRestoreSpaces(!noSpaceRestore)
                .withDetection(DetectionSettings.DEFAULTS.withLimitSideLen(detLimit))
                .withRecognition(recognition());
        RenderSettings render = RenderSettings.DEFAULTS.withDpi(dpi).withMaxPixels(maxPixels);
        return PipelineSettings.defaults().withMode(ProcessingMode.parse(mode)).withRender(render).withEngine(engine);
    }

    private Device device(String configuredDevice) {
        if (device != null) {
            return Device.parse(device);
        }
        if (configuredDevice == null) {
            return Device.AUTO;
        }
        try {
            return Device.parse(configuredDevice);
        } catch (InvalidSettingsException e) {
            // name the property, not --device, which the user did not give
            throw InvalidSettingsException.of(DEVICE_PROPERTY, configuredDevice, "auto, cpu, cuda or cuda:N");
        }
    }
}
