package dev.quire.service.api;

import dev.quire.service.Problem;
import dev.quire.service.ServiceException;
import dev.quire.service.jobs.Jobs;
import dev.quire.service.results.Results;
import dev.quire.service.results.Results.DocumentRow;
import dev.quire.service.results.Results.Slice;
import dev.quire.service.store.JobRecord;
import io.javalin.http.Context;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code GET /jobs/{id}/documents}, {@code GET /documents/{docId}}, {@code GET /documents/{docId}/text}. */
final class DocumentRoutes {
    /** The statuses of the documents table (the output contract). */
    static final Set<String> STATUSES = Set.of("ok", "partial", "failed", "encrypted", "not_pdf", "empty", "skipped");
    private static final Pattern DOC_ID = Pattern.compile("[0-9a-f]{64}");

    private final Jobs jobs;
    private final ResultCatalog results;

    DocumentRoutes(Jobs jobs, ResultCatalog results) {
        this.jobs = jobs;
        this.results = results;
    }

    /** The documents rows of the job's run; empty until its run committed. */
    void ofJob(Context ctx) {
        JobRecord job = JobRoutes.find(jobs, ctx.pathParam("id"));
        String status = ctx.queryParam("status");
        if (status != null && !STATUSES.contains(status)) {
            throw new ServiceException(Problem.BAD_REQUEST, "status must be one of " + String.join(", ",
                    STATUSES.stream().sorted().toList()));
        }
        Paging paging = Paging.of(ctx);
        if (job.runId() == null || job.output() == null) {
            ctx.json(paging.page(List.of(), 0));
            return;
        }
        Results r = results.output(job.output(), false);
        Slice<DocumentRow> slice = r.documentsOfRun(job.runId(), status, paging.offset(), paging.limit());
        if (slice.total() == 0 && job.status().isFinal()) {
            // the run may have committed after this root was last read
            slice = results.output(job.output(), true)
                    .documentsOfRun(job.runId(), status, paging.offset(), paging.limit());
        }
        ctx.json(paging.page(slice.items(), slice.total()));
    }

    void document(Context ctx) {
        String id = docId(ctx);
        ctx.json(results.document(id).orElseThrow(() -> notFound(id)));
    }

    /** Pages separated by form feeds, each ending in a newline: what {@code quire export} writes. */
    void text(Context ctx) {
        String id = docId(ctx);
        String text = results.text(id).orElseThrow(() -> notFound(id));
        ctx.contentType("text/plain; charset=utf-8").result(text);
    }

    private static String docId(Context ctx) {
        String id = ctx.pathParam("docId");
        if (!DOC_ID.matcher(id).matches()) {
            throw new ServiceException(Problem.BAD_REQUEST, "a document id is 64 lower-case hex digits (SHA-256)");
        }
        return id;
    }

    private static ServiceException notFound(String id) {
        return new ServiceException(Problem.NOT_FOUND, "no document '" + id + "'");
    }
}
