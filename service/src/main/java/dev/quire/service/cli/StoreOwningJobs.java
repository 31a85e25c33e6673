package dev.quire.service.cli;

import dev.quire.service.jobs.JobEvent;
import dev.quire.service.jobs.JobSpec;
import dev.quire.service.jobs.Jobs;
import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;
import dev.quire.service.store.JobStore;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The job manager and the store it writes to, closed in that order (the manager does not own its store). */
final class StoreOwningJobs implements Jobs {
    private final Jobs manager;
    private final JobStore store;

    StoreOwningJobs(Jobs manager, JobStore store) {
        this.manager = manager;
        this.store = store;
    }

    @Override
    public JobRecord submit(JobSpec spec, String source, String requestJson) {
        return manager.submit(spec, source, requestJson);
    }

    @Override
    public Optional<JobRecord> find(String id) {
        return manager.find(id);
    }

    @Override
    public JobStore.Page list(JobStatus status, int offset, int limit) {
        return manager.list(status, offset, limit);
    }

    @Override
    public List<String> resultOutputs() {
        return manager.resultOutputs();
    }

    @Override
    public JobRecord cancel(String id) {
        return manager.cancel(id);
    }

    @Override
    public AutoCloseable subscribe(String id, Consumer<JobEvent> listener) {
        return manager.subscribe(id, listener);
    }

    @Override
    public RunnerState state() {
        return manager.state();
    }

    @Override
    public void close() {
        try {
            manager.close();
        } finally {
            store.close();
        }
    }
}
