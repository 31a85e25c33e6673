package dev.quire.service.api;

import dev.quire.service.jobs.Jobs;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * {@code GET /health} (liveness, readiness, runner and store state; 503 while the store does not
 * answer, so that a load balancer stops sending work) and {@code GET /metrics} (Prometheus text).
 * The job gauges are the job manager's; this class adds the HTTP request timer, tagged by route
 * template (not the raw path, which would give a series per job id), method and status.
 */
final class Observability {
    static final String REQUEST_TIMER = "quire.http.requests";
    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);

    private final Jobs jobs;
    private final PrometheusMeterRegistry registry;

    /** What /health answers. */
    record Health(String status, boolean live, boolean ready, Runner runner, Store store) {
    }

    record Runner(String kind, int running, int queued, int slots, int queueDepth) {
    }

    record Store(boolean healthy) {
    }

    Observability(Jobs jobs, PrometheusMeterRegistry registry) {
        this.jobs = jobs;
        this.registry = registry;
    }

    void health(Context ctx) {
        Jobs.RunnerState s;
        try {
            s = jobs.state();
        } catch (RuntimeException e) {
            LOG.warn("health: the job manager did not answer", e);
            ctx.status(503).json(new Health("unavailable", true, false, null, new Store(false)));
            return;
        }
        boolean ready = s.storeHealthy();
        ctx.status(ready ? 200 : 503).json(new Health(ready ? "ok" : "unavailable", true, ready,
                new Runner(s.kind(), s.running(), s.queued(), s.slots(), s.queueDepth()), new Store(s.storeHealthy())));
    }

    void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    /** Called once per request after it was answered. */
    void record(Context ctx, float millis) {
        Timer.builder(REQUEST_TIMER)
                .description("HTTP requests by route template, method and status")
                .tag("route", route(ctx))
                .tag("method", ctx.method().name())
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** The matched route's template, or one fixed label for requests no route matched. */
    static String route(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path == null || path.isEmpty() || path.equals("*") ? "unmatched" : path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
