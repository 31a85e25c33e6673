package dev.quire.service.results;

import dev.quire.pipeline.DocumentStatus;
import dev.quire.service.results.Results.DocumentRow;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An immutable snapshot of what readers see (the semantics of {@code dev.quire.job.CurrentView},
 * without Spark): the committed runs loaded so far; per input path the row of the latest run that
 * saw it, a {@code skipped} row showing the {@code ok} result it reuses; per document id its current
 * row; and the pages of every run that holds a current document's pages.
 */
final class CurrentDocuments {
    static final CurrentDocuments EMPTY = new CurrentDocuments(Set.of(), Map.of(), Map.of(), Map.of());

    private static final String SKIPPED = DocumentStatus.SKIPPED.label();
    /** Incremental runs reuse only results that were ok. */
    private static final String REUSED = DocumentStatus.OK.label();
    /** Among current rows sharing a document id (identical files): the latest run's, then the first path. */
    private static final Comparator<DocumentRow> PREFERRED = Comparator.comparing(DocumentRow::runId).reversed()
            .thenComparing(DocumentRow::path);

    private final Set<String> runs;
    private final Map<String, DocumentRow> byPath;
    private final Map<String, DocumentRow> byDocId;
    private final Map<String, RunPages> pagesByRun;

    private CurrentDocuments(Set<String> runs, Map<String, DocumentRow> byPath, Map<String, DocumentRow> byDocId,
                             Map<String, RunPages> pagesByRun) {
        this.runs = runs;
        this.byPath = byPath;
        this.byDocId = byDocId;
        this.pagesByRun = pagesByRun;
    }

    Set<String> runs() {
        return runs;
    }

    DocumentRow document(String docId) {
        return byDocId.get(docId);
    }

    int size() {
        return byPath.size();
    }

    /** The pages of the run that holds this current row's pages; null when that run has none. */
    RunPages pagesOf(DocumentRow current) {
        return pagesByRun.get(pagesRun(current));
    }

    /**
     * This snapshot with more committed runs. Runs may commit out of order (two jobs at once), so a
     * row replaces the current one only when its run id is later. Pages of runs no current row
     * points at any more are dropped; those of newly pointed-at runs are opened.
     */
    CurrentDocuments with(Map<String, List<DocumentRow>> newRuns, Function<String, RunPages> openPages) {
        Set<String> allRuns = new HashSet<>(runs);
        allRuns.addAll(newRuns.keySet());
        Map<String, DocumentRow> paths = new HashMap<>(byPath);
        for (List<DocumentRow> rows : newRuns.values()) {
            for (DocumentRow row : rows) {
                DocumentRow now = paths.get(row.path());
                if (now == null || row.runId().compareTo(now.runId()) > 0) {
                    paths.put(row.path(), current(row));
                }
            }
        }
        Map<String, DocumentRow> docs = new HashMap<>();
        for (DocumentRow row : paths.values()) {
            if (row.docId() != null) {
                docs.merge(row.docId(), row, (a, b) -> PREFERRED.compare(a, b) <= 0 ? a : b);
            }
        }
        Map<String, RunPages> pages = new HashMap<>();
        for (DocumentRow row : docs.values()) {
            pages.computeIfAbsent(pagesRun(row), run -> {
                RunPages open = pagesByRun.get(run);
                return open != null ? open : openPages.apply(run);
            });
        }
        return new CurrentDocuments(Set.copyOf(allRuns), paths, docs, pages);
    }

    /** Closes the pages of runs this snapshot holds and {@code next} does not. */
    void closeDropped(CurrentDocuments next) {
        pagesByRun.forEach((run, pages) -> {
            if (next.pagesByRun.get(run) != pages) {
                pages.close();
            }
        });
    }

    /** A row as the current view shows it: a skipped row stands for the ok result it reuses. */
    private static DocumentRow current(DocumentRow r) {
        if (!SKIPPED.equals(r.status())) {
            return r;
        }
        return new DocumentRow(r.docId(), r.path(), r.sizeBytes(), r.modifiedAt(), r.pageCount(), REUSED, r.error(),
                r.pagesOcr(), r.pagesTextLayer(), r.meanConfidence(), r.runId(), r.processedAt(), r.pipeline(),
                r.resultRunId());
    }

    /** The run holding a row's pages: {@code result_run_id}, or the row's own run where an older file lacks it. */
    private static String pagesRun(DocumentRow r) {
        return r.resultRunId() != null ? r.resultRunId() : r.runId();
    }
}
