package dev.quire.job;

import dev.quire.InvalidSettingsException;
import dev.quire.ocr.Device;
import dev.quire.ocr.EngineSettings;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The GPU a task's OCR engine runs on. With GPU scheduling (conf/spark-gpu.conf) Spark assigns
 * every task a GPU address ({@code TaskContext.resources().get("gpu")}); the engine must use that
 * one, or tasks the scheduler spread over GPUs pile onto GPU 0. Without an assignment (local
 * mode, CPU clusters) the configured device ({@code --device}) applies unchanged.
 *
 * <p>{@code Engines.shared} keeps one engine per JVM and settings, and the ordinal is part of the
 * settings: an executor with one GPU has one engine; an executor with several GPUs gets one
 * engine (models, sessions, batcher) per GPU its tasks were assigned, each loaded on first use.
 */
final class TaskDevice {
    static final String GPU_RESOURCE = "gpu";
    private static final Logger LOG = LoggerFactory.getLogger(TaskDevice.class);
    private static final AtomicBoolean CPU_NOTED = new AtomicBoolean();

    private TaskDevice() {
    }

    /** The engine settings for the task running on this thread (unchanged outside a Spark task). */
    static EngineSettings forCurrentTask(EngineSettings configured) {
        TaskContext task = TaskContext.get();
        return task == null ? configured
                : forTask(configured, task.resourcesJMap(), System.getenv("CUDA_VISIBLE_DEVICES"));
    }

    /**
     * @param resources          the task's resources by name (Spark's {@code resourcesJMap()})
     * @param cudaVisibleDevices the executor's CUDA_VISIBLE_DEVICES, or null
     */
    static EngineSettings forTask(EngineSettings configured, Map<String, ResourceInformation> resources,
                                  String cudaVisibleDevices) {
        ResourceInformation gpu = resources == null ? null : resources.get(GPU_RESOURCE);
        if (gpu == null || gpu.addresses().length == 0) {
            return configured;
        }
        Device device = configured.device();
        String address = gpu.addresses()[0];
        if (device.kind() == Device.Kind.CPU) {
            // --device cpu is an explicit choice; the GPU Spark reserved stays idle
            if (CPU_NOTED.compareAndSet(false, true)) {
                LOG.warn("task was assigned GPU {} but the device is cpu: OCR runs on the CPU", address);
            }
            return configured;
        }
        // auto stays auto (CPU fallback with a warning), cuda stays cuda (fails if unusable)
        int ordinal = cudaOrdinal(address, cudaVisibleDevices);
        return ordinal == device.ordinal() ? configured : configured.withDevice(new Device(device.kind(), ordinal));
    }

    /**
     * The CUDA ordinal of a GPU address from the discovery script. nvidia-smi numbers GPUs
     * physically and ignores CUDA_VISIBLE_DEVICES, while CUDA numbers only the visible ones, in
     * the listed order: with CUDA_VISIBLE_DEVICES=2,3, address 3 is CUDA device 1.
     */
    static int cudaOrdinal(String address, String cudaVisibleDevices) {
        String a = address.trim();
        if (cudaVisibleDevices != null && !cudaVisibleDevices.isBlank()) {
            List<String> visible = Arrays.stream(cudaVisibleDevices.split(",")).map(String::trim).toList();
            int i = visible.indexOf(a);
            if (i < 0) {
                throw InvalidSettingsException.of("GPU address", a,
                        "one of CUDA_VISIBLE_DEVICES=" + cudaVisibleDevices
                                + " (the discovery script must report GPUs this executor can see)");
            }
            return i;
        }
        try {
            int ordinal = Integer.parseInt(a);
            if (ordinal >= 0) {
                return ordinal;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidSettingsException.of("GPU address", a,
                "a CUDA device index 0, 1, … as scripts/getGpusResources.sh reports");
    }
}
