package dev.quire.service.runner;

import java.util.Map;

/**
 * What a job that committed its run reports.
 *
 * @param documents documents by status (ok, partial, failed, …)
 * @param pages     pages by method (ocr, text_layer, failed)
 */
public record RunResult(String runId, Map<String, Long> documents, Map<String, Long> pages) {
    public RunResult {
        documents = Map.copyOf(documents);
        pages = Map.copyOf(pages);
    }

    /** Pages read, whatever the method. */
    public long pagesDone() {
        return pages.values().stream().mapToLong(Long::longValue).sum();
    }
}
