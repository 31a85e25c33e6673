package dev.quire.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.service.store.JobRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job as the API shows it. Timestamps are ISO-8601 strings; {@code links} name the job's
 * other resources, so that clients need not build URLs.
 */
record JobView(String id, String status, String source, JsonNode request, String output, String runId,
               Progress progress, Map<String, Long> documents, Map<String, Long> pages, String error,
               Timings timings, int attempts, Map<String, String> links) {

    /** Pages done of pages planned (0 of 0 until the job planned its run), documents planned. */
    record Progress(long pagesDone, long pagesTotal, int documentsTotal, Double fraction) {
    }

    /** When the job was created, started, finished; queued and run time in milliseconds once known. */
    record Timings(String createdAt, String startedAt, String finishedAt, Long queuedMs, Long runMs) {
    }

    static JobView of(JobRecord j) {
        Double fraction = j.pagesTotal() > 0 ? Math.min(1.0, (double) j.pagesDone() / j.pagesTotal()) : null;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/jobs/" + j.id());
        links.put("events", "/jobs/" + j.id() + "/events");
        links.put("documents", "/jobs/" + j.id() + "/documents");
        return new JobView(j.id(), j.status().label(), j.source(), Json.tree(j.request()), j.output(), j.runId(),
                new Progress(j.pagesDone(), j.pagesTotal(), j.documentsTotal(), fraction),
                j.documents(), j.pages(), j.error(),
                new Timings(iso(j.createdAt()), iso(j.startedAt()), iso(j.finishedAt()),
                        millis(j.createdAt(), j.startedAt()), millis(j.startedAt(), j.finishedAt())),
                j.attempts(), links);
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Long millis(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }
}
