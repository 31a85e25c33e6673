package dev.quire.service.jobs;

import dev.quire.service.ServiceException;
import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;
import dev.quire.service.store.JobStore;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The jobs as the API sees them: submit, look up, list, cancel, follow. Implemented by the job
 * manager (store + queue + runner); the HTTP layer only translates. Thread-safe.
 */
public interface Jobs extends AutoCloseable {

    /**
     * Stores a new queued job and schedules it (FIFO, bounded concurrency).
     *
     * @param source      {@code paths} or {@code upload}
     * @param requestJson the request as the client sent it, shown back by {@code GET /jobs/{id}}
     * @throws ServiceException {@link dev.quire.service.Problem#QUEUE_FULL} (with Retry-After) when
     *                          the queue holds its maximum depth
     */
    JobRecord submit(JobSpec spec, String source, String requestJson);

    Optional<JobRecord> find(String id);

    /** Newest first; {@code status} null for all. */
    JobStore.Page list(JobStatus status, int offset, int limit);

    /** The output roots that hold results of succeeded jobs, the most recently finished first. */
    List<String> resultOutputs();

    /**
     * Cancels a queued or running job (a running one is stopped: the child process killed, or the
     * Spark application stopped) and returns it as it is then.
     *
     * @throws ServiceException NOT_FOUND for an unknown id, CONFLICT for a job that already ended
     */
    JobRecord cancel(String id);

    /**
     * Follows a job: {@code listener} gets every event from now on (from a runner thread; it must
     * not block), ending with a {@code finished} event. For a job that already ended it gets that
     * {@code finished} event at once. Close the returned handle to stop.
     *
     * @throws ServiceException NOT_FOUND for an unknown id
     */
    AutoCloseable subscribe(String id, Consumer<JobEvent> listener);

    /** For /health: runner kind, running jobs, queued jobs, slots, whether the store answers. */
    RunnerState state();

    /**
     * Stops taking jobs and stops the running ones (nothing could record how they end); the store
     * keeps them as running, and the next start marks them failed or queues them again, per
     * {@code jobs.requeueOnRestart}.
     */
    @Override
    void close();

    record RunnerState(String kind, int running, int queued, int slots, int queueDepth, boolean storeHealthy) {
    }
}
