package dev.quire.service.cli;

import dev.quire.service.config.ServiceConfig;
import dev.quire.service.jobs.JobManager;
import dev.quire.service.jobs.Jobs;
import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;
import dev.quire.service.store.JobStore;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/** Where {@code quire serve} gets its {@link Jobs} implementation: the one seam between the API and the job manager. */
public final class ServiceJobs {
    /** Listing succeeded jobs in pages of this size to collect their output roots. */
    private static final int PAGE = 500;

    private ServiceJobs() {
    }

    /**
     * Opens the job store (schema created or migrated), then the job manager with the configured
     * runner; it registers its own gauges (jobs by state) on {@code registry}, which /metrics
     * scrapes. Closing the result stops the manager first (no runner thread writes any more),
     * then the store.
     */
    public static Jobs open(ServiceConfig config, MeterRegistry registry) {
        JobStore store = JobStore.open(config.jdbcUrl(), config.storeUser(), config.storePassword());
        try {
            return new StoreOwningJobs(new JobManager(config, store, registry), store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The output roots of succeeded jobs, most recently finished first, as the result lookups
     * need them. This version works with any {@link Jobs} by listing succeeded jobs (newest
     * created first, a close enough order); a job manager that exposes its {@link JobStore} can
     * answer in one query instead: {@code store::resultOutputs}.
     */
    public static Supplier<List<String>> resultOutputs(Jobs jobs) {
        return () -> {
            LinkedHashSet<String> outputs = new LinkedHashSet<>();
            for (int offset = 0; ; offset += PAGE) {
                JobStore.Page page = jobs.list(JobStatus.SUCCEEDED, offset, PAGE);
                for (JobRecord j : page.items()) {
                    if (j.output() != null) {
                        outputs.add(j.output());
                    }
                }
                if (page.items().size() < PAGE || offset + PAGE >= page.total()) {
                    return new ArrayList<>(outputs);
                }
            }
        };
    }
}
