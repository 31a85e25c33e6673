package dev.quire.service.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Subscribers by job, and one thread that calls them: a runner thread only queues an event, so a
 * slow client (an SSE stream on a bad network) never holds up a job's output. One thread keeps
 * every subscriber's events in order.
 */
final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final Map<String, List<Consumer<JobEvent>>> subscribers = new HashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quire-job-events");
        t.setDaemon(true);
        return t;
    });

    synchronized AutoCloseable add(String jobId, Consumer<JobEvent> listener) {
        subscribers.computeIfAbsent(jobId, k -> new ArrayList<>()).add(listener);
        return () -> remove(jobId, listener);
    }

    private synchronized void remove(String jobId, Consumer<JobEvent> listener) {
        List<Consumer<JobEvent>> list = subscribers.get(jobId);
        if (list != null) {
            list.remove(listener);
            if (list.isEmpty()) {
                subscribers.remove(jobId);
            }
        }
    }

    synchronized void publish(String jobId, JobEvent event) {
        for (Consumer<JobEvent> l : subscribers.getOrDefault(jobId, List.of())) {
            send(l, event);
        }
    }

    /** The job's last event: sent, then its subscribers are dropped. */
    synchronized void end(String jobId, JobEvent finished) {
        publish(jobId, finished);
        subscribers.remove(jobId);
    }

    void send(Consumer<JobEvent> listener, JobEvent event) {
        try {
            sender.execute(() -> {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("a job event listener failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closed: nobody is listening any more
        }
    }

    /** Sends what is queued (briefly), then stops. */
    @Override
    public void close() {
        synchronized (this) {
            subscribers.clear();
        }
        sender.shutdown();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.shutdownNow();
    }
}
