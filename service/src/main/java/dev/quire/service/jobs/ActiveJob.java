package dev.quire.service.jobs;

import dev.quire.service.runner.RunHandle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A job that holds a slot, from its start until its runner reported the end. Guarded by the manager's lock. */
final class ActiveJob {
    final String id;
    private final long startNanos = System.nanoTime();
    RunHandle handle;
    /** Cancelled: already marked in the store; the slot stays taken until the process is gone. */
    boolean cancelled;
    boolean ended;
    long pagesDone;
    long pagesTotal;
    /** Long enough ago that the first progress is written (nanoTime has no fixed origin: 0 is not "never"). */
    long lastProgressWrite = startNanos - TimeUnit.SECONDS.toNanos(60);
    final Map<String, Long> documents = new LinkedHashMap<>();

    ActiveJob(String id) {
        this.id = id;
    }

    Duration ran() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Whether its events still count: once it ended or was cancelled they are the dying process's noise. */
    boolean live() {
        return !ended && !cancelled;
    }
}
