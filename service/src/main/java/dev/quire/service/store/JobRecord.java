package dev.quire.service.store;

import java.time.Instant;
import java.util.Map;

/**
 * One job as stored.
 *
 * @param source         {@code paths} or {@code upload}
 * @param request        the request as the client made it (JSON), shown back in the API
 * @param spec           what the runner runs (JSON of the resolved inputs and options), kept for re-queueing
 * @param output         the output root the job writes to
 * @param runner         the runner kind that ran it
 * @param processRef     the child process id or the Spark application id, once started
 * @param runId          the run id of {@code quire run}, once planned
 * @param documentsTotal input files planned
 * @param documents      documents by status (ok, partial, failed, …) so far; final once the job ended
 * @param pages          pages by method (ocr, text_layer, failed), known when the job succeeded
 * @param attempts       1, plus one per re-queue after a restart
 */
public record JobRecord(String id, JobStatus status, String source, String request, String spec, String output,
                        String runner, String processRef, String runId, long pagesDone, long pagesTotal,
                        int documentsTotal, Map<String, Long> documents, Map<String, Long> pages, String error,
                        Instant createdAt, Instant startedAt, Instant finishedAt, int attempts) {
    public JobRecord {
        documents = Map.copyOf(documents);
        pages = Map.copyOf(pages);
    }

    /** A new queued job. */
    public static JobRecord queued(String id, String source, String request, String spec, String output,
                                   String runner, Instant createdAt) {
        return new JobRecord(id, JobStatus.QUEUED, source, request, spec, output, runner, null, null, 0, 0, 0,
                Map.of(), Map.of(), null, createdAt, null, null, 1);
    }
}
