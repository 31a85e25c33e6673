package dev.quire.ocr.recognize;

import dev.quire.QuireException;
import dev.quire.image.GrayImage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Forms recogniser batches across callers: the lines of every page that the executor's task
 * threads are reading go into one queue, and a dispatcher thread runs them in batches of up to
 * {@code maxBatch} lines, waiting at most {@code maxWait} for a batch to fill. Widths are rounded
 * up to buckets of {@code bucket} columns so that the same input shapes repeat (cuDNN and ONNX
 * Runtime cache per shape); a batch takes the oldest line's bucket and fills up with the nearest
 * narrower ones. On a GPU the recogniser is only fast in batches (about 10× more lines/s at 16
 * lines than at 1), and a single page rarely has lines of similar width enough to fill them.
 */
public final class RecognitionBatcher implements AutoCloseable {
    private record Request(GrayImage line, int natural, int width, long enqueuedNanos,
                           CompletableFuture<CtcResult> result) {
    }

    private final TextRecognizer recognizer;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final int bucket;
    private final LinkedList<Request> queue = new LinkedList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Thread dispatcher;
    private volatile boolean closed;

    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong columns = new AtomicLong();
    private final AtomicLong usedColumns = new AtomicLong();

    public RecognitionBatcher(TextRecognizer recognizer, int maxBatch, long maxWaitMillis, int bucket) {
        if (maxBatch < 1 || maxWaitMillis < 0 || bucket < 1) {
            throw new IllegalArgumentException("bad batcher settings: " + maxBatch + ", " + maxWaitMillis + ", " + bucket);
        }
        this.recognizer = recognizer;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        this.bucket = bucket;
        this.dispatcher = new Thread(this::dispatch, "quire-rec-batcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** What the batcher did so far: for per-stage reports. */
    public record Statistics(long batches, long lines, double meanBatch, double fill, double busySeconds,
                             double paddingShare) {
    }

    public Statistics statistics() {
        long b = batches.get();
        long l = lines.get();
        long c = columns.get();
        return new Statistics(b, l, b == 0 ? 0 : (double) l / b, b == 0 ? 0 : (double) l / (b * maxBatch),
                busyNanos.get() / 1e9, c == 0 ? 0 : 1 - (double) usedColumns.get() / c);
    }

    /** Recognises the lines (blocking until all are done), results in their order. */
    public CtcResult[] recognize(List<GrayImage> images) {
        List<CompletableFuture<CtcResult>> futures = new ArrayList<>(images.size());
        lock.lock();
        try {
            if (closed) {
                throw new QuireException("the recognition batcher is closed");
            }
            long now = System.nanoTime();
            for (GrayImage image : images) {
                CompletableFuture<CtcResult> f = new CompletableFuture<>();
                int natural = recognizer.naturalWidth(image);
                queue.add(new Request(image, natural, bucketed(natural), now, f));
                futures.add(f);
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        CtcResult[] out = new CtcResult[futures.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = futures.get(i).join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new QuireException("recognition failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    int bucketed(int width) {
        return (width + bucket - 1) / bucket * bucket;
    }

    private void dispatch() {
        while (true) {
            List<Request> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                return;
            }
            run(batch);
        }
    }

    /** Waits for a batch to fill (or its oldest line to have waited long enough) and takes it. */
    private List<Request> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed) {
                    return null;
                }
                arrived.await();
            }
            long deadline = queue.getFirst().enqueuedNanos() + maxWaitNanos;
            while (queue.size() < maxBatch && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                arrived.awaitNanos(left);
            }
            return take();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest line's bucket first, then the nearest narrower buckets, up to a full batch. */
    private List<Request> take() {
        int width = queue.getFirst().width();
        List<Request> batch = new ArrayList<>(maxBatch);
        for (int w = width; w > 0 && batch.size() < maxBatch; w -= bucket) {
            Iterator<Request> it = queue.iterator();
            while (it.hasNext() && batch.size() < maxBatch) {
                Request r = it.next();
                if (r.width() == w) {
                    batch.add(r);
                    it.remove();
                }
            }
        }
        return batch;
    }

    private void run(List<Request> batch) {
        int width = batch.get(0).width();
        List<GrayImage> images = new ArrayList<>(batch.size());
        long used = 0;
        for (Request r : batch) {
            images.add(r.line());
            used += r.natural();
        }
        long start = System.nanoTime();
        try {
            CtcResult[] results = recognizer.recognizeAt(images, width);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results[i]);
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(r -> r.result().completeExceptionally(e));
        } finally {
            busyNanos.addAndGet(System.nanoTime() - start);
            batches.incrementAndGet();
            lines.addAndGet(batch.size());
            columns.addAndGet((long) width * batch.size());
            usedColumns.addAndGet(used);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.forEach(r -> r.result().completeExceptionally(new QuireException("the recognition batcher closed")));
            queue.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
