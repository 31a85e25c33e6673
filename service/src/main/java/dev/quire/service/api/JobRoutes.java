package dev.quire.service.api;

import dev.quire.service.Problem;
import dev.quire.service.ServiceException;
import dev.quire.service.jobs.JobSpec;
import dev.quire.service.jobs.Jobs;
import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;
import dev.quire.service.store.JobStore;
import io.javalin.http.Context;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code POST /jobs}, {@code GET /jobs}, {@code GET /jobs/{id}}, {@code DELETE /jobs/{id}}: translation to {@link Jobs} only. */
final class JobRoutes {
    private final Jobs jobs;
    private final PathPolicy paths;
    private final Path defaultOutput;
    private final long maxBodyBytes;

    JobRoutes(Jobs jobs, PathPolicy paths, Path defaultOutput, long maxBodyBytes) {
        this.jobs = jobs;
        this.paths = paths;
        this.defaultOutput = defaultOutput;
        this.maxBodyBytes = maxBodyBytes;
    }

    void submit(Context ctx) {
        JobRequest request = Json.body(ctx, JobRequest.class, maxBodyBytes);
        JobSpec spec = request.toSpec(paths, defaultOutput);
        accepted(ctx, jobs.submit(spec, "paths", Json.write(request)));
    }

    /** 202 with the job, its URL in Location. Shared with uploads. */
    static void accepted(Context ctx, JobRecord job) {
        ctx.status(202).header("Location", "/jobs/" + job.id()).json(JobView.of(job));
    }

    void list(Context ctx) {
        JobStatus status = status(ctx.queryParam("status"));
        Paging paging = Paging.of(ctx);
        JobStore.Page page = jobs.list(status, paging.offset(), paging.limit());
        ctx.json(paging.page(page.items().stream().map(JobView::of).toList(), page.total()));
    }

    void get(Context ctx) {
        ctx.json(JobView.of(find(jobs, ctx.pathParam("id"))));
    }

    void cancel(Context ctx) {
        ctx.json(JobView.of(jobs.cancel(ctx.pathParam("id"))));
    }

    static JobRecord find(Jobs jobs, String id) {
        return jobs.find(id).orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no job '" + id + "'"));
    }

    private static JobStatus status(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        JobStatus s = JobStatus.parse(label.strip());
        if (s == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "status must be one of "
                    + Arrays.stream(JobStatus.values()).map(JobStatus::label).collect(Collectors.joining(", ")));
        }
        return s;
    }
}
