package dev.quire.job;

import dev.quire.pipeline.DocumentStatus;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.sql.Timestamp;

/** Rows of {@link OutputSchema#DOCUMENTS}: one per input file, whatever happened to it. */
final class DocumentRows {
    /** What the pages of one processed document add up to. */
    record PageTotals(int pages, int ocr, int textLayer, int failed, Float meanOcrConfidence, String firstError) {
    }

    /** A documents row and its status. */
    record Written(Row row, DocumentStatus status) {
    }

    /** An earlier committed result of the same document with the same pipeline. */
    record Earlier(String runId, int pageCount, int ocr, int textLayer, Float meanConfidence) {
    }

    private final String runId;
    private final String pipeline;
    private final Timestamp processedAt;

    DocumentRows(String runId, String pipeline, Timestamp processedAt) {
        this.runId = runId;
        this.pipeline = pipeline;
        this.processedAt = processedAt;
    }

    /** A file that could not be opened (or has no pages). */
    Written problem(ProbedFile f) {
        return row(f, f.pageCount(), f.problem(), f.error(), 0, 0, null, null);
    }

    /** A file whose pages this run read. */
    Written processed(ProbedFile f, PageTotals t) {
        DocumentStatus status = t.failed() == 0 ? DocumentStatus.OK
                : (t.failed() >= t.pages() ? DocumentStatus.FAILED : DocumentStatus.PARTIAL);
        String error = t.firstError() == null ? null
                : (t.failed() > 1 ? t.firstError() + " (and " + (t.failed() - 1) + " more failed pages)" : t.firstError());
        return row(f, f.pageCount(), status, error, t.ocr(), t.textLayer(), t.meanOcrConfidence(), runId);
    }

    /** A file an earlier run already read with this pipeline. */
    Written skipped(ProbedFile f, Earlier e) {
        return row(f, e.pageCount(), DocumentStatus.SKIPPED, null, e.ocr(), e.textLayer(), e.meanConfidence(),
                e.runId());
    }

    private Written row(ProbedFile f, int pageCount, DocumentStatus status, String error, int ocr, int textLayer,
                        Float meanConfidence, String resultRun) {
        SourceFile s = f.source();
        return new Written(RowFactory.create(f.docId(), s.path(), s.sizeBytes(),
                s.modifiedAt() > 0 ? new Timestamp(s.modifiedAt()) : null, pageCount, status.label(), error, ocr,
                textLayer, meanConfidence, runId, processedAt, pipeline, resultRun), status);
    }
}
