package dev.quire.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.quire.QuireException;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * One ONNX Runtime session with a single float input and a single float output. Sessions are
 * safe for concurrent {@link #run} calls; the session is closed with the model.
 */
public final class OnnxModel implements AutoCloseable {
    private final String name;
    private final OrtSession session;
    private final String inputName;
    // session time alone, so that per-stage figures are what the device did, not the JVM around it
    private final LongAdder calls = new LongAdder();
    private final LongAdder items = new LongAdder();
    private final AtomicLong busyNanos = new AtomicLong();
    private final LongAccumulator maxItems = new LongAccumulator(Math::max, 0);

    OnnxModel(String name, OrtSession session) {
        this.name = name;
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
    }

    /** Reads the first output of a run; the buffer is only valid inside the call. */
    @FunctionalInterface
    public interface OutputReader<T> {
        T read(FloatBuffer output, long[] shape);
    }

    public <T> T run(float[] input, long[] shape, OutputReader<T> reader) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = timed(tensor, shape[0])) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            return reader.read(out.getFloatBuffer(), out.getInfo().getShape());
        } catch (OrtException e) {
            throw new QuireException(name + " model failed on input " + Arrays.toString(shape)
                    + ": " + e.getMessage(), e);
        }
    }

    private OrtSession.Result timed(OnnxTensor tensor, long batch) throws OrtException {
        long start = System.nanoTime();
        try {
            return session.run(Map.of(inputName, tensor));
        } finally {
            busyNanos.addAndGet(System.nanoTime() - start);
            calls.increment();
            items.add(batch);
            maxItems.accumulate(batch);
        }
    }

    /** Calls, items and session seconds so far. */
    public ModelStats stats() {
        return new ModelStats(calls.sum(), items.sum(), busyNanos.get() / 1e9, maxItems.get());
    }

    /** Shape of the first output as the model declares it (-1 for dynamic axes). */
    public long[] outputShape() {
        try {
            var info = session.getOutputInfo().values().iterator().next().getInfo();
            return info instanceof ai.onnxruntime.TensorInfo t ? t.getShape() : new long[0];
        } catch (OrtException e) {
            throw new QuireException("cannot read the " + name + " model's outputs: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new QuireException("cannot close the " + name + " session: " + e.getMessage(), e);
        }
    }
}
