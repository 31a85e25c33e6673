package dev.quire.cli;

import dev.quire.ocr.StageTimes;
import dev.quire.pipeline.DocumentResult;
import dev.quire.pipeline.DocumentStatus;
import dev.quire.pipeline.PageMethod;
import dev.quire.pipeline.PageResult;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts and timings over a run, for the end-of-run summary. */
final class RunStats {
    private final long startNanos = System.nanoTime();
    private final Map<DocumentStatus, Integer> documents = new EnumMap<>(DocumentStatus.class);
    private final Map<PageMethod, Integer> pages = new EnumMap<>(PageMethod.class);
    private double renderMs;
    private StageTimes stages = StageTimes.NONE;

    synchronized void add(DocumentResult d) {
        documents.merge(d.status(), 1, Integer::sum);
        for (PageResult p : d.pages()) {
            pages.merge(p.method(), 1, Integer::sum);
            if (p.method() == PageMethod.OCR) {
                renderMs += p.renderMs();
                stages = stages.plus(p.stages());
            }
        }
    }

    synchronized long ocrPages() {
        return pages.getOrDefault(PageMethod.OCR, 0);
    }

    synchronized double renderSeconds() {
        return renderMs / 1e3;
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    synchronized int failedDocuments() {
        return documents.entrySet().stream().filter(e -> e.getKey().isFailure()).mapToInt(Map.Entry::getValue).sum();
    }

    synchronized String summary() {
        double seconds = seconds();
        int total = pages.values().stream().mapToInt(Integer::intValue).sum();
        return String.format(Locale.ROOT,
                "documents: %s%npages: %d (%s) in %.1f s, %.2f pages/s%n"
                        + "OCR stage time (sum over threads): render %.1f s, detect %.1f s, crop %.1f s, "
                        + "classify %.1f s, recognize %.1f s (and %.1f s waiting for shared batches); %d lines",
                counts(documents), total, counts(pages), seconds, total / Math.max(seconds, 1e-9),
                renderMs / 1e3, stages.detectMs() / 1e3, stages.cropMs() / 1e3, stages.classifyMs() / 1e3,
                stages.recognizeMs() / 1e3, stages.recognizeWaitMs() / 1e3, stages.lines());
    }

    private static <E extends Enum<E>> String counts(Map<E, Integer> m) {
        return m.isEmpty() ? "none" : m.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
