package dev.quire.job;

import dev.quire.local.Progress;
import dev.quire.pipeline.DocumentStatus;
import org.apache.spark.util.CollectionAccumulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Forwards the executors' finished page ranges (merged on the driver as tasks finish) to a
 * progress display: page counts, and each document once all of its pages are done.
 */
final class ProgressPoller implements AutoCloseable {
    private final Thread thread;
    private final CollectionAccumulator<RangeDone> done;
    private final Progress progress;
    private final Map<String, ProbedFile> documents;
    private final Map<String, int[]> seen = new HashMap<>();
    private int consumed;
    private volatile boolean running = true;

    ProgressPoller(CollectionAccumulator<RangeDone> done, Progress progress, Map<String, ProbedFile> documents,
                   long intervalMs) {
        this.done = done;
        this.progress = progress;
        this.documents = documents;
        thread = new Thread(() -> {
            while (running) {
                forward();
                try {
                    Thread.sleep(intervalMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "quire-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void forward() {
        List<RangeDone> all = done.value();
        for (int i = consumed; i < all.size(); i++) {
            RangeDone r = all.get(i);
            progress.pagesDone(r.pages());
            int[] pagesAndFailed = seen.computeIfAbsent(r.docId(), k -> new int[2]);
            pagesAndFailed[0] += r.pages();
            pagesAndFailed[1] += r.failed();
            ProbedFile f = documents.get(r.docId());
            if (f != null && pagesAndFailed[0] >= f.pageCount()) {
                DocumentStatus status = pagesAndFailed[1] == 0 ? DocumentStatus.OK
                        : (pagesAndFailed[1] >= pagesAndFailed[0] ? DocumentStatus.FAILED : DocumentStatus.PARTIAL);
                progress.documentDone(r.docId(), f.source().path(), status.label(), f.pageCount());
            }
        }
        consumed = all.size();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forward();
    }
}
