package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.job.RunSummary;
import dev.quire.local.Progress;
import dev.quire.ocr.StageFigures;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code quire run --events}: the run's progress as JSON lines on stdout, for programs that
 * drive the job (the REST service's runner). One object per line, field {@code event} first:
 * <pre>
 * {"event":"planned","run_id":"…","documents":3,"pages":12}
 * {"event":"progress","pages_done":8,"pages_total":12}
 * {"event":"document","doc_id":"…","path":"…","status":"ok","pages":4}
 * {"event":"finished","run_id":"…","documents":{"ok":3},"pages":{"ocr":12},"seconds":9.5,"output":"…",
 *  "stages":{"wall_seconds":9.5,"render":{…},"detect":{…},"classify":{…},"recognize":{…},…}}
 * {"event":"failed","error":"input path 'x' does not exist"}
 * </pre>
 */
final class EventStream implements Progress {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong done = new AtomicLong();

    EventStream(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void runPlanned(String runId, int documents, int pages) {
        emit(event("planned").put("run_id", runId).put("documents", documents).put("pages", pages));
    }

    @Override
    public void pagesQueued(int pages) {
        total.addAndGet(pages);
    }

    @Override
    public void pagesDone(int pages) {
        long now = done.addAndGet(pages);
        emit(event("progress").put("pages_done", now).put("pages_total", total.get()));
    }

    @Override
    public void documentDone(String docId, String path, String status, int pages) {
        emit(event("document").put("doc_id", docId).put("path", path).put("status", status).put("pages", pages));
    }

    void finished(RunSummary s) {
        ObjectNode e = event("finished").put("run_id", s.runId());
        ObjectNode documents = e.putObject("documents");
        s.documents().forEach((k, v) -> documents.put(k.label(), v));
        ObjectNode pages = e.putObject("pages");
        s.pages().forEach((k, v) -> pages.put(k.label(), v));
        e.put("seconds", s.seconds()).put("output", s.output());
        e.set("stages", JSON.valueToTree(StageFigures.map(s.stages(), s.seconds())));
        emit(e);
    }

    void failed(String error) {
        emit(event("failed").put("error", error));
    }

    private static ObjectNode event(String name) {
        return JSON.createObjectNode().put("event", name);
    }

    private synchronized void emit(ObjectNode event) {
        out.println(event.toString());
        out.flush();
    }
}
