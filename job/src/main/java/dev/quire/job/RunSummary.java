package dev.quire.job;

import dev.quire.ocr.StageStats;
import dev.quire.pipeline.DocumentStatus;
import dev.quire.pipeline.PageMethod;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of a run, for the one-screen summary and the exit status.
 *
 * @param stages per-stage work summed over the executors' engines (render, det, cls, rec)
 */
public record RunSummary(String runId, String output, Map<DocumentStatus, Long> documents,
                         Map<PageMethod, Long> pages, double seconds, StageStats stages) {

    public long failedDocuments() {
        return documents.entrySet().stream().filter(e -> e.getKey().isFailure()).mapToLong(Map.Entry::getValue).sum();
    }

    public long pagesProcessed() {
        return pages.values().stream().mapToLong(Long::longValue).sum();
    }

    public String describe() {
        return String.format(Locale.ROOT, "run %s: documents %s; pages %d (%s) in %.1f s, %.2f pages/s%noutput: %s",
                runId, counts(documents), pagesProcessed(), counts(pages), seconds,
                pagesProcessed() / Math.max(seconds, 1e-9), output);
    }

    private static <E extends Enum<E>> String counts(Map<E, Long> m) {
        String s = m.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? "none" : s;
    }
}
