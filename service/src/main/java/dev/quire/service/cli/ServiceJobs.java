package dev.quire.service.cli;

import dev.quire.QuireException;
import dev.quire.service.config.ServiceConfig;
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
     * Opens the job manager (job store, queue, runner) for the configuration; it registers its
     * own gauges (jobs by state) on {@code registry}, which /metrics scrapes.
     * <p>
     * TEMPORARY PLACEHOLDER until the job manager is merged: the integrator replaces the body
     * with {@code return new JobManager(config, registry);} (or whatever its constructor takes).
     * Everything else in {@code quire serve} already goes through this method.
     */
    public static Jobs open(ServiceConfig config, MeterRegistry registry) {
        throw new QuireException("the job manager is not part of this build yet (ServiceJobs.open is a placeholder)");
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
