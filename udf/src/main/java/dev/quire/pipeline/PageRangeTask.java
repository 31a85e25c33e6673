package dev.quire.pipeline;

import dev.quire.render.DocumentException;
import dev.quire.render.PdfDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes a range of pages of one file with a document opened for this task alone (PDFBox is
 * not thread-safe). Never throws for a bad document: every page of the range gets a result.
 */
public final class PageRangeTask {
    private final PageProcessor pages;

    public PageRangeTask(PipelineSettings settings) {
        this.pages = new PageProcessor(settings);
    }

    public List<PageResult> run(Path file, PageRange range) {
        List<PageResult> out = new ArrayList<>(range.size());
        String missing = file + ": page not found (the document has fewer pages now)";
        try (PdfDocument doc = PdfDocument.open(file)) {
            for (int i = range.start(); i < range.end() && i < doc.pageCount(); i++) {
                out.add(pages.process(doc, i));
            }
        } catch (DocumentException e) {
            // it opened when its pages were counted; the file changed or broke since
            missing = e.getMessage();
        }
        for (int i = range.start() + out.size(); i < range.end(); i++) {
            out.add(PageResult.failed(i + 1, missing));
        }
        return out;
    }
}
