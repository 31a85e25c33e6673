package dev.quire.pipeline;

import dev.quire.render.DocumentException;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One input file's outcome: always produced, whatever happened to the file.
 *
 * @param docId  SHA-256 (hex) of the file's bytes, or null when the file could not be read
 * @param error  readable reason for a failure status (first page error for partial documents)
 */
public record DocumentResult(String path, String docId, long sizeBytes, int pageCount, DocumentStatus status,
                             String error, List<PageResult> pages) {

    /** A document whose pages were processed: ok, partial or failed depending on its pages. */
    public static DocumentResult of(String path, String docId, long sizeBytes, int pageCount, List<PageResult> pages) {
        long failed = pages.stream().filter(p -> p.method() == PageMethod.FAILED).count();
        if (pageCount == 0) {
            return new DocumentResult(path, docId, sizeBytes, 0, DocumentStatus.EMPTY, "document has no pages",
                    List.of());
        }
        DocumentStatus status = failed == 0 ? DocumentStatus.OK
                : (failed == pages.size() ? DocumentStatus.FAILED : DocumentStatus.PARTIAL);
        String error = pages.stream().filter(p -> p.error() != null).map(PageResult::error).findFirst()
                .map(e -> failed > 1 ? e + " (and " + (failed - 1) + " more failed pages)" : e).orElse(null);
        return new DocumentResult(path, docId, sizeBytes, pageCount, status, error, List.copyOf(pages));
    }

    /** A document that could not be opened. */
    public static DocumentResult unopenable(String path, String docId, long sizeBytes, DocumentException e) {
        return new DocumentResult(path, docId, sizeBytes, 0, DocumentStatus.of(e.problem()), e.getMessage(),
                List.of());
    }

    public long pagesWith(PageMethod method) {
        return pages.stream().filter(p -> p.method() == method).count();
    }

    /** Mean confidence over OCR pages; null when no page was OCR'd. */
    public Float meanOcrConfidence() {
        OptionalDouble mean = pages.stream().filter(p -> p.method() == PageMethod.OCR)
                .mapToDouble(PageResult::confidence).average();
        return mean.isPresent() ? (float) mean.getAsDouble() : null;
    }

    /**
     * Page texts separated by form feeds, like a Tesseract sidecar file; every page ends with a
     * newline so that the text also reads well on a terminal.
     */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                sb.append('\f');
            }
            sb.append(pages.get(i).text()).append('\n');
        }
        return sb.toString();
    }
}
