package dev.quire.job;

import dev.quire.local.Progress;
import org.apache.spark.util.LongAccumulator;

/** Forwards the executors' page counter (merged as tasks finish) to a progress display. */
final class ProgressPoller implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    ProgressPoller(LongAccumulator done, Progress progress, long intervalMs) {
        thread = new Thread(() -> {
            long reported = 0;
            while (running) {
                long now = done.value();
                if (now > reported) {
                    progress.pagesDone((int) (now - reported));
                    reported = now;
                }
                try {
                    Thread.sleep(intervalMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
            long last = done.value();
            if (last > reported) {
                progress.pagesDone((int) (last - reported));
            }
        }, "quire-progress");
        thread.setDaemon(true);
        thread.start();
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
    }
}
