package dev.quire.ocr.recognize;

import dev.quire.QuireException;
import dev.quire.image.GrayImage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
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
 * With more than one dispatcher, one batch's CPU work (resizing lines into the input tensor, CTC
 * decoding) overlaps another batch's model call, so that the device does not wait for the JVM.
 *
 * <p>No caller ever hangs: a recogniser failure fails exactly the callers whose lines were in
 * that batch; if a dispatcher thread ends for any other reason, every queued and in-flight line
 * fails and later calls fail at once; {@link #close} fails queued lines, lets the in-flight batches
 * finish (their session must not be closed under them) and waits for the dispatchers to end.
 */
public final class RecognitionBatcher implements AutoCloseable {
    /** How long {@link #close} waits for an in-flight batch before giving up on the dispatcher. */
    static final long CLOSE_WAIT_MILLIS = 30_000;

    /** One line's outcome: its result and its share of the batch's model time. */
    private record Done(CtcResult result, long busyNanos) {
    }

    private record Request(GrayImage line, int natural, int width, long enqueuedNanos, CompletableFuture<Done> done) {
    }

    /**
     * A caller's lines, recognised: results in the order given, the caller's share of model time
     * (each batch's time split evenly over its lines) and the rest of its wall time, which it spent
     * waiting in the queue for a batch to fill or for earlier batches to run.
     */
    public record Batched(CtcResult[] results, long busyNanos, long waitNanos) {
    }

    private final BatchRecognizer recognizer;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final int bucket;
    private final LinkedList<Request> queue = new LinkedList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Thread> dispatchers = new ArrayList<>();
    /** Lines dispatchers have taken off the queue and not yet completed; guarded by {@link #lock}. */
    private final Set<Request> inFlight = new HashSet<>();
    private boolean closed;
    /** Why a dispatcher ended while the batcher was open; guarded by {@link #lock}. */
    private Throwable died;

    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong waitNanos = new AtomicLong();
    private final AtomicLong columns = new AtomicLong();
    private final AtomicLong usedColumns = new AtomicLong();

    public RecognitionBatcher(BatchRecognizer recognizer, int maxBatch, long maxWaitMillis, int bucket) {
        this(recognizer, maxBatch, maxWaitMillis, bucket, 1);
    }

    public RecognitionBatcher(BatchRecognizer recognizer, int maxBatch, long maxWaitMillis, int bucket,
                              int dispatcherCount) {
        if (maxBatch < 1 || maxWaitMillis < 0 || bucket < 1 || dispatcherCount < 1) {
            throw new IllegalArgumentException("bad batcher settings: batch " + maxBatch + ", wait "
                    + maxWaitMillis + " ms, bucket " + bucket + ", dispatchers " + dispatcherCount);
        }
        this.recognizer = recognizer;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        this.bucket = bucket;
        for (int i = 0; i < dispatcherCount; i++) {
            Thread t = new Thread(this::dispatch, "quire-rec-batcher-" + (i + 1));
            t.setDaemon(true);
            dispatchers.add(t);
        }
        dispatchers.forEach(Thread::start);
    }

    /**
     * What the batcher did so far, for per-stage reports.
     *
     * @param meanBatch    lines per model call
     * @param fill         {@code meanBatch / maxBatch}
     * @param busySeconds  model time (session busy), queue waits excluded
     * @param waitSeconds  summed over lines: time from queueing to the start of the line's batch
     * @param paddingShare share of batch columns that were padding (bucket rounding and narrower lines)
     */
    public record Statistics(long batches, long lines, double meanBatch, double fill, double busySeconds,
                             double paddingShare, int maxBatch, double waitSeconds) {
    }

    public Statistics statistics() {
        long b = batches.get();
        long l = lines.get();
        long c = columns.get();
        return new Statistics(b, l, b == 0 ? 0 : (double) l / b, b == 0 ? 0 : (double) l / (b * maxBatch),
                busyNanos.get() / 1e9, c == 0 ? 0 : 1 - (double) usedColumns.get() / c, maxBatch,
                waitNanos.get() / 1e9);
    }

    /** Recognises the lines (blocking until all are done), results in their order. */
    public CtcResult[] recognize(List<GrayImage> images) {
        return recognizeTimed(images).results();
    }

    /** {@link #recognize} with this caller's model time and queue wait. */
    public Batched recognizeTimed(List<GrayImage> images) {
        long start = System.nanoTime();
        List<CompletableFuture<Done>> futures = new ArrayList<>(images.size());
        lock.lock();
        try {
            if (closed) {
                throw new QuireException("the recognition batcher is closed");
            }
            if (died != null) {
                throw new QuireException("the recognition batcher's dispatcher died: " + died, died);
            }
            for (GrayImage image : images) {
                CompletableFuture<Done> f = new CompletableFuture<>();
                int natural = recognizer.naturalWidth(image);
                queue.add(new Request(image, natural, bucketed(natural), start, f));
                futures.add(f);
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        CtcResult[] out = new CtcResult[futures.size()];
        long busy = 0;
        for (int i = 0; i < out.length; i++) {
            Done done = await(futures.get(i));
            out[i] = done.result();
            busy += done.busyNanos();
        }
        return new Batched(out, busy, Math.max(0, System.nanoTime() - start - busy));
    }

    private static Done await(CompletableFuture<Done> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new QuireException("recognition failed: " + e.getCause(), e.getCause());
        }
    }

    int bucketed(int width) {
        return (width + bucket - 1) / bucket * bucket;
    }

    /** The first dispatcher thread, for tests that need one to die. */
    Thread dispatcherThread() {
        return dispatchers.get(0);
    }

    private void dispatch() {
        Throwable why = null;
        try {
            List<Request> batch;
            while ((batch = nextBatch()) != null) {
                run(batch);
            }
        } catch (InterruptedException e) {
            why = e;
        } catch (RuntimeException | Error e) {
            why = e;
        } finally {
            // whatever ended this thread, nobody may wait for it any more (nor for its siblings:
            // a batcher that lost a dispatcher fails fast rather than run on at reduced speed)
            if (why != null || closed()) {
                failAll(why == null ? new QuireException("the recognition batcher closed") : why);
            }
        }
    }

    private void failAll(Throwable why) {
        lock.lock();
        try {
            if (!closed && died == null) {
                died = why;
            }
            arrived.signalAll();
            QuireException failure = why instanceof QuireException q ? q
                    : new QuireException("the recognition batcher's dispatcher died: " + why, why);
            inFlight.forEach(r -> r.done().completeExceptionally(failure));
            queue.forEach(r -> r.done().completeExceptionally(failure));
            queue.clear();
            inFlight.clear();
        } finally {
            lock.unlock();
        }
    }

    private boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a batch to fill (or its oldest line to have waited long enough) and takes it. */
    private List<Request> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed || died != null) {
                    return null;
                }
                arrived.await();
            }
            long deadline = queue.getFirst().enqueuedNanos() + maxWaitNanos;
            while (queue.size() < maxBatch && !closed && died == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                arrived.awaitNanos(left);
            }
            if (closed || died != null) {
                return null;
            }
            List<Request> batch = take();
            inFlight.addAll(batch);
            return batch;
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

    /** One model call; a failure fails this batch's lines only. */
    private void run(List<Request> batch) {
        int width = batch.get(0).width();
        List<GrayImage> images = new ArrayList<>(batch.size());
        long used = 0;
        long start = System.nanoTime();
        for (Request r : batch) {
            images.add(r.line());
            used += r.natural();
            waitNanos.addAndGet(start - r.enqueuedNanos());
        }
        CtcResult[] results = null;
        Throwable failure = null;
        try {
            results = recognizer.recognizeAt(images, width);
            if (results == null || results.length != batch.size()) {
                throw new QuireException("the recogniser returned " + (results == null ? "no" : results.length)
                        + " results for a batch of " + batch.size() + " lines");
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        long elapsed = System.nanoTime() - start;
        // counters first: a caller that has its results sees them counted
        busyNanos.addAndGet(elapsed);
        batches.incrementAndGet();
        lines.addAndGet(batch.size());
        columns.addAndGet((long) width * batch.size());
        usedColumns.addAndGet(used);
        lock.lock();
        try {
            batch.forEach(inFlight::remove);
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < batch.size(); i++) {
            if (failure != null) {
                batch.get(i).done().completeExceptionally(failure);
            } else {
                batch.get(i).done().complete(new Done(results[i], elapsed / batch.size()));
            }
        }
    }

    /**
     * Fails the queued lines, waits for the batch that is running (up to {@link #CLOSE_WAIT_MILLIS})
     * and for the dispatcher to end. Idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            QuireException why = new QuireException("the recognition batcher closed");
            queue.forEach(r -> r.done().completeExceptionally(why));
            queue.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        for (Thread t : dispatchers) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (t == Thread.currentThread() || left <= 0) {
                continue;
            }
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
