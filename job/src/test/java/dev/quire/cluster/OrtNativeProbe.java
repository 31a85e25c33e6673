package dev.quire.cluster;

import ai.onnxruntime.OrtEnvironment;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Child JVM for {@link OrtNativeDirTest}: loads ONNX Runtime and prints where its natives came from. */
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
        } catch (Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                System.out.println("ort-failed: " + t);
            }
            System.exit(3);
        }
    }
}
