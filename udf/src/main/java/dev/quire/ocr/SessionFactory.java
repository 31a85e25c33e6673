package dev.quire.ocr;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import dev.quire.QuireException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates ONNX Runtime sessions on the requested device. {@code auto} tries CUDA once and, if it
 * cannot load, falls back to CPU with a single warning; {@code cuda} fails instead.
 */
final class SessionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);

    private final Device requested;
    private final int cpuThreads;
    private volatile Device resolved;

    SessionFactory(Device requested, int cpuThreads) {
        this.requested = requested;
        this.cpuThreads = cpuThreads;
    }

    /** The device sessions actually run on (known after the first session is created). */
    Device resolved() {
        return resolved == null ? requested : resolved;
    }

    synchronized OnnxModel create(String name, byte[] model) {
        Device target = resolved == null ? requested : resolved;
        if (target.kind() == Device.Kind.CPU) {
            return open(name, model, Device.CPU);
        }
        Device cuda = new Device(Device.Kind.CUDA, target.ordinal());
        try {
            OnnxModel m = open(name, model, cuda);
            resolved = cuda;
            return m;
        } catch (QuireException e) {
            if (target.kind() == Device.Kind.CUDA) {
                throw new DeviceUnavailableException("device " + cuda + " requested but CUDA cannot be used: "
                        + firstLine(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
            }
            LOG.warn("CUDA not available ({}); running OCR on CPU",
                    firstLine(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            resolved = Device.CPU;
            return open(name, model, Device.CPU);
        }
    }

    private OnnxModel open(String name, byte[] model, Device device) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setInterOpNumThreads(1);
            options.setIntraOpNumThreads(cpuThreads);
            if (device.kind() == Device.Kind.CUDA) {
                try (OrtCUDAProviderOptions cuda = new OrtCUDAProviderOptions(device.ordinal())) {
                    // EXHAUSTIVE re-benchmarks every new input shape; DEFAULT may pick a slow path.
                    cuda.add("cudnn_conv_algo_search", "HEURISTIC");
                    options.addCUDA(cuda);
                }
            }
            return new OnnxModel(name, env.createSession(model, options));
        } catch (OrtException | UnsatisfiedLinkError e) {
            throw new QuireException("cannot create the " + name + " session on " + device + ": " + e.getMessage(),
                    e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
