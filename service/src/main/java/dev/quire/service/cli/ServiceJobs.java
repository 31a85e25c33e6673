package dev.quire.service.cli;

import dev.quire.service.config.ServiceConfig;
import dev.quire.service.jobs.JobManager;
import dev.quire.service.jobs.Jobs;
import dev.quire.service.store.JobStore;
import io.micrometer.core.instrument.MeterRegistry;

/** Where {@code quire serve} gets its {@link Jobs} implementation: the one seam between the API and the job manager. */
public final class ServiceJobs {
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
}
