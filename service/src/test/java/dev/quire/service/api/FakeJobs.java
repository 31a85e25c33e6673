package dev.quire.service.api;

import dev.quire.service.Problem;
import dev.quire.service.ServiceException;
import dev.quire.service.jobs.JobEvent;
import dev.quire.service.jobs.JobSpec;
import dev.quire.service.jobs.Jobs;
import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;
import dev.quire.service.store.JobStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** {@link Jobs} in memory for the API tests: records what was submitted, emits events on demand. */
final class FakeJobs implements Jobs {
    final List<JobSpec> submitted = new CopyOnWriteArrayList<>();
    final Map<String, JobRecord> jobs = new ConcurrentHashMap<>();
    final Map<String, List<Consumer<JobEvent>>> listeners = new ConcurrentHashMap<>();
    final CountDownLatch subscribed = new CountDownLatch(1);
    final AtomicInteger unsubscribed = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    volatile boolean queueFull;
    volatile boolean storeHealthy = true;
    volatile Error error;
    volatile RuntimeException failure;

    @Override
    public JobRecord submit(JobSpec spec, String source, String requestJson) {
        if (failure != null) {
            throw failure;
        }
        if (error != null) {
            throw error;
        }
        if (queueFull) {
            throw new ServiceException(Problem.QUEUE_FULL, "the queue holds 32 jobs", 7, null);
        }
        submitted.add(spec);
        String id = "job-" + ids.incrementAndGet();
        JobRecord r = JobRecord.queued(id, source, requestJson, "{}", spec.output(), "embedded",
                Instant.ofEpochMilli(1_000_000L + ids.get()));
        jobs.put(id, r);
        return r;
    }

    void put(JobRecord r) {
        jobs.put(r.id(), r);
    }

    @Override
    public Optional<JobRecord> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public JobStore.Page list(JobStatus status, int offset, int limit) {
        List<JobRecord> all = jobs.values().stream().filter(j -> status == null || j.status() == status)
                .sorted(Comparator.comparing(JobRecord::createdAt).reversed()).toList();
        int from = Math.min(offset, all.size());
        return new JobStore.Page(all.subList(from, Math.min(all.size(), from + limit)), all.size());
    }

    @Override
    public List<String> resultOutputs() {
        return jobs.values().stream().filter(j -> j.status() == JobStatus.SUCCEEDED)
                .sorted(Comparator.comparing(JobRecord::finishedAt).reversed()).map(JobRecord::output).distinct()
                .toList();
    }

    @Override
    public JobRecord cancel(String id) {
        JobRecord j = find(id).orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no job '" + id + "'"));
        if (j.status().isFinal()) {
            throw new ServiceException(Problem.CONFLICT, "job '" + id + "' already ended");
        }
        JobRecord c = new JobRecord(j.id(), JobStatus.CANCELLED, j.source(), j.request(), j.spec(), j.output(),
                j.runner(), j.processRef(), j.runId(), j.pagesDone(), j.pagesTotal(), j.documentsTotal(),
                j.documents(), j.pages(), null, j.createdAt(), j.startedAt(), Instant.now(), j.attempts());
        jobs.put(id, c);
        return c;
    }

    @Override
    public AutoCloseable subscribe(String id, Consumer<JobEvent> listener) {
        JobRecord j = find(id).orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no job '" + id + "'"));
        if (j.status().isFinal()) {
            listener.accept(new JobEvent("finished", "{\"status\":\"" + j.status().label() + "\"}"));
        } else {
            listeners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(listener);
        }
        subscribed.countDown();
        return () -> {
            unsubscribed.incrementAndGet();
            List<Consumer<JobEvent>> l = listeners.get(id);
            if (l != null) {
                l.remove(listener);
            }
        };
    }

    void emit(String id, JobEvent e) {
        for (Consumer<JobEvent> l : new ArrayList<>(listeners.getOrDefault(id, List.of()))) {
            l.accept(e);
        }
    }

    @Override
    public RunnerState state() {
        return new RunnerState("embedded", 1, 2, 1, 32, storeHealthy);
    }

    @Override
    public void close() {
    }
}
