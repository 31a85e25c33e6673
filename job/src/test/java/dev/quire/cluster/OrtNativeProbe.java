package dev.quire.cluster;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Child JVM for {@link OrtNativeDirTest}: loads ONNX Runtime and prints where its natives came
 * from; with the argument {@code cuda}, also asks for the CUDA provider.
 */
public final class OrtNativeProbe {
    private OrtNativeProbe() {
    }

    public static void main(String[] args) {
        // OnnxRuntime logs each library it loads, and from where, at FINE
        Logger ort = Logger.getLogger("ai.onnxruntime.OnnxRuntime");
        ort.setLevel(Level.FINE);
        ort.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                System.out.println("ort-log: " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            System.out.println("ort-version: " + env.getVersion());
            if (args.length > 0 && args[0].equals("cuda")) {
                // the CUDA provider library is found (or unpacked) when a session asks for CUDA
                try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                    options.addCUDA(0);
                    System.out.println("ort-cuda: ok");
                } catch (OrtException e) {
                    System.out.println("ort-cuda: " + e.getMessage());
                }
            }
        } catch (Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                System.out.println("ort-failed: " + t);
            }
            System.exit(3);
        }
    }
}
