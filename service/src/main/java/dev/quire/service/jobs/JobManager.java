package dev.quire.service.jobs;

import dev.quire.service.Problem;
import dev.quire.service.ServiceException;
import dev.quire.service.config.ServiceConfig;
import dev.quire.service.runner.JobRunner;
import dev.quire.service.runner.RunHandle;
import dev.quire.service.runner.RunListener;
import dev.quire.service.runner.RunResult;
import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;
import dev.quire.service.store.JobStore;
import dev.quire.service.store.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The jobs: a FIFO queue in front of at most {@code maxConcurrent} runs, every transition written
 * to the {@link JobStore} before anyone hears of it.
 *
 * <p>One lock guards the queue, the running jobs and every store call, and {@link #close()} takes
 * it to mark the manager closed: after that no thread of the manager (the dispatcher, a runner's
 * callback, an API call) touches the store again, so its owner may close it and reopen the same
 * file. The lock is never held while a runner starts or stops a process.
 *
 * <p>A cancelled running job is marked cancelled at once; its process is stopped (then killed
 * after the grace period) and keeps its slot until it is gone, so that no more processes run
 * than there are slots.
 */
public final class JobManager implements Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);
    /** Progress is written at most this often per job (the store's one connection serves everything). */
    private static final long PROGRESS_WRITE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long CLOSE_WAIT_SECONDS = 30;
    static final String STOPPED_RUNNING = "the service stopped while the job was running";
    static final String STOPPED_QUEUED = "the service stopped before the job started";

    private record Waiting(String id, JobSpec spec) {
    }

    private final JobStore store;
    private final JobRunner runner;
    private final QueuePolicy policy;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final Map<String, ActiveJob> active = new LinkedHashMap<>();
    private final EventHub events = new EventHub();
    private final JobMetrics metrics;
    private final Thread dispatcher;
    private volatile boolean closed;

    /** The manager the configuration asks for, with its runner. */
    public JobManager(ServiceConfig config, JobStore store, MeterRegistry registry) {
        this(store, JobRunner.of(config), QueuePolicy.of(config), registry);
    }

    /**
     * Recovers what a previous process left unfinished, then starts taking jobs.
     *
     * @param store the job store; the caller owns it and closes it after this manager
     */
    public JobManager(JobStore store, JobRunner runner, QueuePolicy policy, MeterRegistry registry) {
        this.store = store;
        this.runner = runner;
        this.policy = policy;
        recover();
        this.metrics = new JobMetrics(registry, store.countByStatus(), this::queuedCount, this::runningCount);
        this.dispatcher = new Thread(this::dispatch, "quire-job-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Jobs left queued or running by a process that is gone: failed with a reason, or queued again. */
    private void recover() {
        Instant now = Instant.now();
        for (JobRecord r : store.unfinished()) {
            boolean wasRunning = r.status() == JobStatus.RUNNING;
            if (policy.requeueOnRestart()) {
                JobSpec spec;
                try {
                    spec = SpecJson.read(r.spec());
                } catch (IllegalArgumentException e) {
                    LOG.warn("job {}: cannot re-queue it: {}", r.id(), e.getMessage());
                    store.finished(r.id(), JobStatus.FAILED, now, (wasRunning ? STOPPED_RUNNING : STOPPED_QUEUED)
                            + ", and its stored options could not be read to run it again", null, null, null, null);
                    continue;
                }
                if (wasRunning) {
                    store.requeued(r.id());
                }
                waiting.addLast(new Waiting(r.id(), spec));
                LOG.info("job {}: queued again after a restart (it was {})", r.id(), r.status().label());
            } else {
                store.finished(r.id(), JobStatus.FAILED, now, wasRunning ? STOPPED_RUNNING : STOPPED_QUEUED,
                        null, null, null, null);
                LOG.info("job {}: marked failed: it was {} when the service stopped", r.id(), r.status().label());
            }
        }
    }

    @Override
    public JobRecord submit(JobSpec spec, String source, String requestJson) {
        String specJson = SpecJson.write(spec);
        lock.lock();
        try {
            ensureOpen();
            // jobs that find a free slot do not wait; the rest count against the queue depth
            int free = Math.max(0, policy.maxConcurrent() - active.size());
            int wouldWait = Math.max(0, waiting.size() + 1 - free);
            if (wouldWait > policy.queueDepth()) {
                throw new ServiceException(Problem.QUEUE_FULL, waiting.size() + " jobs are waiting, the most this "
                        + "service queues; retry later", policy.retryAfterSeconds(), null);
            }
            JobRecord job = JobRecord.queued(UUID.randomUUID().toString(), source, requestJson, specJson,
                    spec.output(), runner.kind(), Instant.now());
            store.insert(job);
            waiting.addLast(new Waiting(job.id(), spec));
            changed.signalAll();
            return job;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<JobRecord> find(String id) {
        lock.lock();
        try {
            ensureOpen();
            return store.find(id);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public JobStore.Page list(JobStatus status, int offset, int limit) {
        lock.lock();
        try {
            ensureOpen();
            return store.list(status, offset, limit);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> resultOutputs() {
        lock.lock();
        try {
            ensureOpen();
            return store.resultOutputs();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public JobRecord cancel(String id) {
        RunHandle stop = null;
        JobRecord now;
        lock.lock();
        try {
            ensureOpen();
            ActiveJob job = active.get(id);
            if (removeWaiting(id)) {
                end(id, JobStatus.CANCELLED, "cancelled before it started", null);
            } else if (job != null && job.live()) {
                if (end(id, JobStatus.CANCELLED, "cancelled while running", job)) {
                    job.cancelled = true;
                    stop = job.handle;   // null while the dispatcher is starting it: it checks the flag then
                }
            } else {
                JobRecord r = store.find(id).orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no job " + id));
                if (r.status().isFinal()) {
                    throw new ServiceException(Problem.CONFLICT, "job " + id + " already ended: " + r.status().label());
                }
                // unfinished in the store but unknown here (changed behind the service's back): end it anyway
                end(id, JobStatus.CANCELLED, "cancelled", null);
            }
            now = store.find(id).orElseThrow();
            if (now.status() != JobStatus.CANCELLED) {
                throw new ServiceException(Problem.CONFLICT, "job " + id + " already ended: " + now.status().label());
            }
        } finally {
            lock.unlock();
        }
        if (stop != null) {
            stop.cancel();
        }
        return now;
    }

    @Override
    public AutoCloseable subscribe(String id, Consumer<JobEvent> listener) {
        lock.lock();
        try {
            ensureOpen();
            JobRecord r = store.find(id).orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no job " + id));
            if (r.status().isFinal()) {
                events.send(listener, JobEvents.finished(r));
                return () -> {
                };
            }
            // every ending takes this lock: the finished event cannot slip between the check and the add
            return events.add(id, listener);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public RunnerState state() {
        lock.lock();
        try {
            boolean healthy = !closed && store.healthy();
            return new RunnerState(runner.kind(), active.size(), waiting.size(), policy.maxConcurrent(),
                    policy.queueDepth(), healthy);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops taking jobs and stops the running ones (their outcome could no longer be recorded; the
     * store keeps them as running, and the next start marks them failed or queues them again). Waits
     * for the runners' threads, up to half a minute, so that nothing of this manager outlives it.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        joinDispatcher();
        List<RunHandle> handles = new ArrayList<>();
        lock.lock();
        try {
            active.values().stream().map(j -> j.handle).filter(h -> h != null).forEach(handles::add);
        } finally {
            lock.unlock();
        }
        if (!handles.isEmpty()) {
            LOG.info("stopping {} running job(s); the next start marks them per jobs.requeueOnRestart", handles.size());
        }
        handles.forEach(RunHandle::cancel);
        try {
            CompletableFuture.allOf(handles.stream().map(RunHandle::done).toArray(CompletableFuture[]::new))
                    .get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("some jobs did not stop within {} s", CLOSE_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.close();
    }

    private void joinDispatcher() {
        try {
            dispatcher.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ServiceException(Problem.UNAVAILABLE, "the service is stopping");
        }
    }

    private int queuedCount() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private int runningCount() {
        lock.lock();
        try {
            return active.size();
        } finally {
            lock.unlock();
        }
    }

    private boolean removeWaiting(String id) {
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            if (it.next().id().equals(id)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** Takes the oldest waiting job whenever a slot is free, and starts it. */
    private void dispatch() {
        while (true) {
            Waiting next;
            ActiveJob job;
            lock.lock();
            try {
                while (!closed && (waiting.isEmpty() || active.size() >= policy.maxConcurrent())) {
                    changed.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                next = waiting.pollFirst();
                if (!markStarted(next)) {
                    continue;
                }
                job = new ActiveJob(next.id());
                active.put(next.id(), job);
                events.publish(next.id(), JobEvents.status(next.id(), JobStatus.RUNNING));
            } finally {
                lock.unlock();
            }
            launch(next, job);
        }
    }

    /** Called under the lock. False when the job cannot start now (the store failed: it goes back and is tried again). */
    private boolean markStarted(Waiting next) {
        try {
            if (store.started(next.id(), Instant.now(), null)) {
                return true;
            }
            LOG.warn("job {}: was no longer queued in the store, not started", next.id());
            return false;
        } catch (StoreException e) {
            LOG.error("job {}: cannot mark it started, retrying in a second: {}", next.id(), e.getMessage());
            waiting.addFirst(next);
            try {
                changed.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private void launch(Waiting next, ActiveJob job) {
        JobListener listener = new JobListener(job);
        RunHandle handle;
        try {
            handle = runner.start(next.id(), next.spec(), listener);
        } catch (RuntimeException e) {
            LOG.error("job {}: the runner failed to start it", next.id(), e);
            listener.failed("the service could not start the job");
            return;
        }
        boolean stopNow;
        lock.lock();
        try {
            job.handle = handle;
            stopNow = job.cancelled || closed;
        } finally {
            lock.unlock();
        }
        if (stopNow) {
            handle.cancel();
        }
    }

    /**
     * Called under the lock: writes the ending, then tells the subscribers. False when the job had
     * already ended (a cancel that came first keeps its ending).
     */
    private boolean end(String id, JobStatus status, String error, ActiveJob job) {
        return end(id, status, error, job, null);
    }

    private boolean end(String id, JobStatus status, String error, ActiveJob job, RunResult result) {
        Map<String, Long> documents = result != null ? result.documents() : job != null ? job.documents : null;
        Long pagesDone = result != null ? Long.valueOf(result.pagesDone()) : null;
        boolean ended = store.finished(id, status, Instant.now(), error, result == null ? null : result.runId(),
                documents, result == null ? null : result.pages(), pagesDone);
        if (ended) {
            metrics.ended(status, job == null ? null : job.ran());
            JobRecord r = store.find(id).orElseThrow();
            events.publish(id, JobEvents.status(id, status));
            events.end(id, JobEvents.finished(r));
        }
        return ended;
    }

    /** One job's runner events, turned into store writes and job events. */
    private final class JobListener implements RunListener {
        private final ActiveJob job;

        JobListener(ActiveJob job) {
            this.job = job;
        }

        @Override
        public void started(String processRef) {
            whileLive(() -> store.processRef(job.id, processRef));
        }

        @Override
        public void planned(String runId, int documents, long pages) {
            whileLive(() -> {
                job.pagesTotal = pages;
                store.planned(job.id, runId, documents, pages);
                events.publish(job.id, JobEvents.planned(runId, documents, pages));
            });
        }

        @Override
        public void progress(long pagesDone, long pagesTotal) {
            whileLive(() -> {
                metrics.pages(pagesDone - job.pagesDone);
                job.pagesDone = Math.max(job.pagesDone, pagesDone);
                job.pagesTotal = pagesTotal;
                long now = System.nanoTime();
                if (now - job.lastProgressWrite >= PROGRESS_WRITE_NANOS || pagesDone >= pagesTotal) {
                    job.lastProgressWrite = now;
                    store.progress(job.id, pagesDone, pagesTotal, job.documents);
                }
                events.publish(job.id, JobEvents.progress(pagesDone, pagesTotal));
            });
        }

        @Override
        public void document(String docId, String path, String status, int pages) {
            whileLive(() -> {
                job.documents.merge(status, 1L, Long::sum);
                events.publish(job.id, JobEvents.document(docId, path, status, pages));
            });
        }

        @Override
        public void finished(RunResult result) {
            ended(JobStatus.SUCCEEDED, null, result);
        }

        @Override
        public void failed(String error) {
            ended(JobStatus.FAILED, error, null);
        }

        private void ended(JobStatus status, String error, RunResult result) {
            lock.lock();
            try {
                if (job.ended) {
                    return;
                }
                job.ended = true;
                active.remove(job.id);
                changed.signalAll();
                if (closed || job.cancelled) {
                    return;
                }
                if (result != null) {
                    metrics.pages(result.pagesDone() - job.pagesDone);
                }
                end(job.id, status, error, job, result);
                LOG.info("job {}: {}{}", job.id, status.label(), error == null ? "" : ": " + error);
            } catch (StoreException e) {
                LOG.error("job {}: cannot record its end ({}): {}", job.id, status.label(), e.getMessage());
            } finally {
                lock.unlock();
            }
        }

        /** Store writes and events only for a job that still counts, of a manager that is open. */
        private void whileLive(Runnable work) {
            lock.lock();
            try {
                if (!closed && job.live()) {
                    work.run();
                }
            } catch (StoreException e) {
                LOG.warn("job {}: cannot record an event: {}", job.id, e.getMessage());
            } finally {
                lock.unlock();
            }
        }
    }
}
