package dev.quire.pipeline;

import dev.quire.ocr.StageTimes;
import dev.quire.ocr.TextLine;

import java.util.List;

/**
 * One page's outcome (the pages table's row without the document columns).
 *
 * @param page       1-based page number
 * @param widthPx    width in pixels at {@code dpi}
 * @param dpi        resolution of the pixel coordinates (lower than asked for capped pages and scans)
 * @param confidence mean character confidence (1 for text-layer pages, 0 when nothing was read)
 * @param error      why the page failed, or null
 */
public record PageResult(int page, PageMethod method, String text, List<TextLine> lines, int widthPx, int heightPx,
                         double dpi, float confidence, double renderMs, double ocrMs, String error,
                         StageTimes stages) {

    public static PageResult failed(int page, String error) {
        return new PageResult(page, PageMethod.FAILED, "", List.of(), 0, 0, 0, 0f, 0, 0, error, StageTimes.NONE);
    }
}
