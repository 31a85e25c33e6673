package dev.quire.service.results;

import java.util.List;
import java.util.Optional;

/**
 * Per-document results of one output root (the Parquet written by {@code quire run}), read
 * directly from Parquet without Spark. "Current" has the meaning of {@code dev.quire.job.CurrentView}:
 * committed runs only, per input path the row of the latest run that saw it, a skipped row
 * standing for the ok result it reuses ({@code resultRunId} holds its pages).
 * Implementations are thread-safe and cheap per call (the service answers many lookups a second).
 */
public interface Results extends AutoCloseable {

    /** The current document with this id, with its pages in page order; empty if unknown. */
    Optional<DocumentView> document(String docId);

    /** The document's page texts, each followed by a newline, separated by form feeds; empty if unknown. */
    Optional<String> text(String docId);

    /** The documents rows one run wrote (every input file of that run), optionally only one status, by path. */
    Slice<DocumentRow> documentsOfRun(String runId, String status, int offset, int limit);

    /** Looks for runs committed since the last call and makes them visible. */
    void refresh();

    @Override
    void close();

    /** A documents row (the Parquet contract's columns; timestamps as ISO-8601 strings). */
    record DocumentRow(String docId, String path, long sizeBytes, String modifiedAt, int pageCount, String status,
                       String error, int pagesOcr, int pagesTextLayer, Float meanConfidence, String runId,
                       String processedAt, String pipeline, String resultRunId) {
    }

    /** One recognised line: text, confidence, quadrilateral x1,y1,…,x4,y4 in page pixels. */
    record Line(String text, float confidence, float[] box) {
    }

    /** A pages row. */
    record PageRow(int page, String method, String text, List<Line> lines, int widthPx, int heightPx, double dpi,
                   float confidence, double renderMs, double ocrMs, String error, String runId) {
    }

    /** A current document and its pages. */
    record DocumentView(DocumentRow document, List<PageRow> pages) {
    }

    /** One page of a listing and the total number of items. */
    record Slice<T>(List<T> items, long total, int offset, int limit) {
    }
}
