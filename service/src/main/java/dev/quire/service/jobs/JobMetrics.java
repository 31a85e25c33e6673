package dev.quire.service.jobs;

import dev.quire.service.store.JobStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * {@code quire_jobs{state}} (queued and running from the manager's memory, ended ones counted from
 * the store at start and then in memory, so that a scrape never queries the store),
 * {@code quire_pages_processed_total} and {@code quire_job_duration_seconds{status}}.
 */
final class JobMetrics {
    private final MeterRegistry registry;
    private final Map<JobStatus, AtomicLong> ended = new EnumMap<>(JobStatus.class);
    private final Counter pages;

    JobMetrics(MeterRegistry registry, Map<JobStatus, Long> stored, IntSupplier queued, IntSupplier running) {
        this.registry = registry;
        gauge(JobStatus.QUEUED, queued);
        gauge(JobStatus.RUNNING, running);
        for (JobStatus s : JobStatus.values()) {
            if (s.isFinal()) {
                AtomicLong n = new AtomicLong(stored.getOrDefault(s, 0L));
                ended.put(s, n);
                Gauge.builder("quire.jobs", n, AtomicLong::get).tag("state", s.label())
                        .description("Jobs by state").strongReference(true).register(registry);
            }
        }
        pages = Counter.builder("quire.pages.processed").description("Pages read by jobs (OCR or text layer)")
                .register(registry);
    }

    private void gauge(JobStatus state, IntSupplier value) {
        Gauge.builder("quire.jobs", value, IntSupplier::getAsInt).tag("state", state.label())
                .description("Jobs by state").strongReference(true).register(registry);
    }

    void pages(long n) {
        if (n > 0) {
            pages.increment(n);
        }
    }

    /** A job ended; {@code ran} is null for one that never started. */
    void ended(JobStatus status, Duration ran) {
        ended.get(status).incrementAndGet();
        if (ran != null) {
            Timer.builder("quire.job.duration").description("Time jobs ran, by how they ended")
                    .tag("status", status.label()).register(registry).record(ran);
        }
    }
}
