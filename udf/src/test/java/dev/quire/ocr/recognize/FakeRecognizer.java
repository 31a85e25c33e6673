package dev.quire.ocr.recognize;

import dev.quire.image.GrayImage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A recogniser without a model for batcher tests: a line is a 48-pixel-high image whose width is
 * its natural width and whose first two pixels carry an id; the result's single class is that id.
 * It records each call, can hold calls until released, and throws on a poisoned id.
 */
final class FakeRecognizer implements BatchRecognizer {
    static final int POISON = 0xFFFF;

    record Call(int width, List<Integer> ids) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    /** The most calls that were inside the recogniser at once. */
    final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    static GrayImage line(int id, int width) {
        byte[] px = new byte[width * 48];
        px[0] = (byte) (id >> 8);
        px[1] = (byte) id;
        return new GrayImage(width, 48, px);
    }

    static int id(GrayImage line) {
        return (line.pixels()[0] & 0xFF) << 8 | (line.pixels()[1] & 0xFF);
    }

    static int id(CtcResult r) {
        return r.classes()[0];
    }

    /** From now on calls wait until {@link #open}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    @Override
    public int naturalWidth(GrayImage line) {
        return line.width();
    }

    @Override
    public CtcResult[] recognizeAt(List<GrayImage> lines, int width) {
        List<Integer> ids = lines.stream().map(FakeRecognizer::id).toList();
        calls.add(new Call(width, ids));
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        entered.countDown();
        try {
            awaitGate();
        } finally {
            running.decrementAndGet();
        }
        if (ids.contains(POISON)) {
            throw new IllegalStateException("poisoned line");
        }
        CtcResult[] out = new CtcResult[lines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new CtcResult(new int[] {ids.get(i)}, new int[] {0}, new int[] {0}, new float[] {1f},
                    new float[] {0f}, width / 8, 1);
        }
        return out;
    }

    /** Waits for the gate without giving up on an interrupt (the interrupt is kept for the caller). */
    private void awaitGate() {
        boolean interrupted = false;
        while (true) {
            try {
                if (gate.await(30, TimeUnit.SECONDS)) {
                    break;
                }
                throw new IllegalStateException("test gate never opened");
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
