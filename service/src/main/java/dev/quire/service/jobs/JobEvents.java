package dev.quire.service.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;

import java.util.Map;

/** The {@link JobEvent}s a job sends, with the field names of the job's own event lines. */
final class JobEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobEvents() {
    }

    static JobEvent status(String id, JobStatus status) {
        return event("status", JSON.createObjectNode().put("id", id).put("status", status.label()));
    }

    static JobEvent planned(String runId, int documents, long pages) {
        return event("planned", JSON.createObjectNode().put("run_id", runId).put("documents", documents)
                .put("pages", pages));
    }

    static JobEvent progress(long pagesDone, long pagesTotal) {
        return event("progress", JSON.createObjectNode().put("pages_done", pagesDone).put("pages_total", pagesTotal));
    }

    static JobEvent document(String docId, String path, String status, int pages) {
        return event("document", JSON.createObjectNode().put("doc_id", docId).put("path", path)
                .put("status", status).put("pages", pages));
    }

    /** The last event of every job: how it ended and what it counted. */
    static JobEvent finished(JobRecord r) {
        ObjectNode n = JSON.createObjectNode().put("id", r.id()).put("status", r.status().label())
                .put("error", r.error()).put("run_id", r.runId()).put("pages_done", r.pagesDone())
                .put("pages_total", r.pagesTotal()).put("documents_total", r.documentsTotal());
        counts(n.putObject("documents"), r.documents());
        counts(n.putObject("pages"), r.pages());
        n.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
        return event("finished", n);
    }

    private static void counts(ObjectNode into, Map<String, Long> counts) {
        counts.forEach(into::put);
    }

    private static JobEvent event(String type, ObjectNode data) {
        return new JobEvent(type, data.toString());
    }
}
