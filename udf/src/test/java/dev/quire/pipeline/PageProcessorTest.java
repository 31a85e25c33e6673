package dev.quire.pipeline;

import dev.quire.render.PdfDocument;
import dev.quire.testing.SharedEngine;
import dev.quire.testing.TestPdfs;
import dev.quire.testing.TextScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageProcessorTest {
    @TempDir
    static Path dir;
    private static Path bornDigital;
    private static Path scan;

    @BeforeAll
    static void makePdfs() {
        bornDigital = TestPdfs.bornDigital(dir.resolve("digital.pdf"), List.of(TestPdfs.PROSE));
        scan = TestPdfs.imageOnly(bornDigital, dir.resolve("scan.pdf"), 200);
    }

    private static PageResult process(Path pdf, ProcessingMode mode) {
        PipelineSettings settings = PipelineSettings.defaults().withMode(mode).withEngine(SharedEngine.CPU);
        try (PdfDocument doc = PdfDocument.open(pdf)) {
            return new PageProcessor(settings).process(doc, 0);
        }
    }

    @Test
    void autoTakesTheTextLayerOfBornDigitalPages() {
        PageResult page = process(bornDigital, ProcessingMode.AUTO);
        assertThat(page.method()).isEqualTo(PageMethod.TEXT_LAYER);
        assertThat(page.text()).isEqualTo(String.join("\n", TestPdfs.PROSE));
        assertThat(page.confidence()).isEqualTo(1f);
        assertThat(page.widthPx()).isEqualTo(1700);
        assertThat(page.page()).isEqualTo(1);
    }

    @Test
    void autoReadsScansWithOcr() {
        PageResult page = process(scan, ProcessingMode.AUTO);
        assertThat(page.method()).isEqualTo(PageMethod.OCR);
        assertThat(TextScore.cer(String.join("\n", TestPdfs.PROSE), page.text())).isLessThan(0.02);
        assertThat(page.lines()).isNotEmpty();
        assertThat(page.dpi()).isBetween(199.0, 201.0);
        assertThat(page.ocrMs()).isPositive();
    }

    @Test
    void ocrModeIgnoresTheTextLayer() {
        PageResult page = process(bornDigital, ProcessingMode.OCR);
        assertThat(page.method()).isEqualTo(PageMethod.OCR);
        assertThat(TextScore.cer(String.join("\n", TestPdfs.PROSE), page.text())).isLessThan(0.02);
    }

    @Test
    void textModeNeverRunsOcr() {
        PageResult page = process(scan, ProcessingMode.TEXT);
        assertThat(page.method()).isEqualTo(PageMethod.TEXT_LAYER);
        assertThat(page.text()).isEmpty();
        assertThat(page.confidence()).isZero();
    }

    @Test
    void documentStatusFollowsItsPages() {
        PageResult ok = process(bornDigital, ProcessingMode.AUTO);
        PageResult bad = PageResult.failed(2, "page 2: cannot render");
        assertThat(DocumentResult.of("a.pdf", "id", 1, 2, List.of(ok, bad)).status()).isEqualTo(DocumentStatus.PARTIAL);
        assertThat(DocumentResult.of("a.pdf", "id", 1, 1, List.of(bad)).status()).isEqualTo(DocumentStatus.FAILED);
        DocumentResult good = DocumentResult.of("a.pdf", "id", 1, 2, List.of(ok, ok));
        assertThat(good.status()).isEqualTo(DocumentStatus.OK);
        assertThat(good.text()).contains("\f").startsWith(TestPdfs.PROSE.get(0));
        assertThat(DocumentResult.of("a.pdf", "id", 1, 0, List.of()).status()).isEqualTo(DocumentStatus.EMPTY);
    }

    @Test
    void pageRangesCoverEveryPageOnce() {
        assertThat(PageRange.split(5, 2)).containsExactly(new PageRange(0, 2), new PageRange(2, 4), new PageRange(4, 5));
        assertThat(PageRange.split(0, 3)).isEmpty();
    }

    @Test
    void aRangeBeyondTheDocumentYieldsFailedPages() {
        PipelineSettings settings = PipelineSettings.defaults().withMode(ProcessingMode.TEXT);
        List<PageResult> pages = new PageRangeTask(settings).run(bornDigital, new PageRange(0, 3));
        assertThat(pages).extracting(PageResult::method)
                .containsExactly(PageMethod.TEXT_LAYER, PageMethod.FAILED, PageMethod.FAILED);
    }
}
