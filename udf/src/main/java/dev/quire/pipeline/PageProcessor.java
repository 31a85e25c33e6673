package dev.quire.pipeline;

import dev.quire.QuireException;
import dev.quire.ocr.Engines;
import dev.quire.ocr.OcrEngine;
import dev.quire.ocr.PageOcr;
import dev.quire.ocr.StageTimes;
import dev.quire.render.DocumentException;
import dev.quire.render.PdfDocument;
import dev.quire.render.RenderedPage;
import dev.quire.render.TextLayer;

/**
 * Produces one page's text: the embedded text layer when the mode allows and it is usable,
 * otherwise render + OCR. Problems with the page become a failed page, never an exception;
 * only engine failures (models, device), which would fail every page, propagate.
 */
public final class PageProcessor {
    private final PipelineSettings settings;

    public PageProcessor(PipelineSettings settings) {
        this.settings = settings;
    }

    /** Processes page {@code pageIndex} (0-based) of an open document. */
    public PageResult process(PdfDocument doc, int pageIndex) {
        int page = pageIndex + 1;
        try {
            return attempt(doc, pageIndex);
        } catch (DocumentException e) {
            return PageResult.failed(page, e.getMessage());
        } catch (QuireException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // PDFBox reports many kinds of damage as unchecked exceptions; the page is lost, not the job
            return PageResult.failed(page, doc.name() + ": page " + page + ": " + describe(e));
        }
    }

    private PageResult attempt(PdfDocument doc, int pageIndex) {
        int page = pageIndex + 1;
        int dpi = settings.render().dpi();
        if (settings.mode() != ProcessingMode.OCR) {
            long t0 = System.nanoTime();
            TextLayer layer = doc.textLayer(pageIndex, dpi);
            if (settings.mode() == ProcessingMode.TEXT || layer.usable()) {
                double[] size = doc.pageSizePoints(pageIndex);
                double ms = (System.nanoTime() - t0) / 1e6;
                return new PageResult(page, PageMethod.TEXT_LAYER, layer.text(), layer.lines(),
                        (int) Math.round(size[0] * dpi / 72.0), (int) Math.round(size[1] * dpi / 72.0), dpi,
                        layer.text().isEmpty() ? 0f : 1f, ms, 0, null, StageTimes.NONE);
            }
        }
        long t0 = System.nanoTime();
        RenderedPage rendered = doc.render(pageIndex, settings.render());
        long t1 = System.nanoTime();
        PageOcr ocr = engine().recognize(rendered.image());
        long t2 = System.nanoTime();
        return new PageResult(page, PageMethod.OCR, ocr.text(), ocr.lines(), rendered.image().width(),
                rendered.image().height(), rendered.dpi(), ocr.confidence(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, null,
                ocr.times());
    }

    private OcrEngine engine() {
        return Engines.shared(settings.engine());
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
