package dev.quire.ocr;

import dev.quire.image.GrayImage;
import dev.quire.render.PdfDocument;
import dev.quire.render.RenderSettings;
import dev.quire.testing.SharedEngine;
import dev.quire.testing.TestPdfs;
import dev.quire.testing.TextScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Real PP-OCR models on CPU over pages generated from known text. */
class OcrEngineIntegrationTest {
    @TempDir
    static Path dir;

    private static GrayImage prosePage;
    private static GrayImage twoColumnPage;
    private static GrayImage upsideDownPage;

    @BeforeAll
    static void renderPages() {
        Path text = TestPdfs.bornDigital(dir.resolve("prose.pdf"), List.of(TestPdfs.PROSE));
        prosePage = firstPage(TestPdfs.imageOnly(text, dir.resolve("prose-scan.pdf"), 200));
        upsideDownPage = firstPage(TestPdfs.imageOnly(text, dir.resolve("flipped-scan.pdf"), 200, true));
        Path columns = TestPdfs.twoColumns(dir.resolve("columns.pdf"), "Reading Order in Two Columns",
                TestPdfs.PROSE_LEFT, TestPdfs.PROSE_RIGHT);
        twoColumnPage = firstPage(TestPdfs.imageOnly(columns, dir.resolve("columns-scan.pdf"), 200));
    }

    private static GrayImage firstPage(Path pdf) {
        try (PdfDocument doc = PdfDocument.open(pdf)) {
            return doc.render(0, RenderSettings.DEFAULTS).image();
        }
    }

    private static String prose() {
        return String.join("\n", TestPdfs.PROSE);
    }

    @Test
    void readsACleanPageWithFewErrors() {
        PageOcr ocr = SharedEngine.get().recognize(prosePage);
        assertThat(TextScore.cer(prose(), ocr.text())).isLessThan(0.02);
        assertThat(ocr.text().split("\n")).hasSize(TestPdfs.PROSE.size());
        assertThat(ocr.lines()).hasSize(TestPdfs.PROSE.size()).allSatisfy(line -> {
            assertThat(line.confidence()).isGreaterThan(0.8f);
            assertThat(line.box().minX()).isGreaterThanOrEqualTo(0);
            assertThat(line.box().maxX()).isLessThan(prosePage.width());
        });
        assertThat(ocr.times().lines()).isEqualTo(TestPdfs.PROSE.size());
    }

    @Test
    void readsTwoColumnsColumnByColumn() {
        String expected = "Reading Order in Two Columns\n" + String.join("\n", TestPdfs.PROSE_LEFT) + "\n"
                + String.join("\n", TestPdfs.PROSE_RIGHT);
        String text = SharedEngine.get().recognize(twoColumnPage).text();
        assertThat(TextScore.cer(expected, text)).isLessThan(0.03);
    }

    @Test
    void turnsUpsideDownPagesAroundWithTheClassifier() {
        PageOcr turned = SharedEngine.get().recognize(upsideDownPage);
        assertThat(TextScore.cer(prose(), turned.text())).isLessThan(0.02);
        // boxes stay in page pixels; the first line of text is at the bottom of the upside-down page
        // and its box starts (corner 0, the text's top-left) right of where it ends
        TextLine first = turned.lines().get(0);
        assertThat(first.text()).isEqualTo(TestPdfs.PROSE.get(0));
        assertThat(first.box().centerY()).isGreaterThan(upsideDownPage.height() / 2f);
        assertThat(first.box().x(0)).isGreaterThan(first.box().x(1));
        try (OcrEngine noClassifier = OcrEngine.open(SharedEngine.CPU.withClassifier(ClassifierMode.OFF))) {
            assertThat(TextScore.cer(prose(), noClassifier.recognize(upsideDownPage).text())).isGreaterThan(0.5);
        }
    }

    @Test
    void concurrentCallersGetTheSameResultsAsOneCaller() throws Exception {
        OcrEngine engine = SharedEngine.get();
        String expected = engine.recognize(twoColumnPage).text();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> engine.recognize(twoColumnPage).text()));
            }
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aBlankPageHasNoLines() {
        byte[] white = new byte[800 * 600];
        java.util.Arrays.fill(white, (byte) 255);
        PageOcr ocr = SharedEngine.get().recognize(new GrayImage(800, 600, white));
        assertThat(ocr.lines()).isEmpty();
        assertThat(ocr.text()).isEmpty();
        assertThat(ocr.confidence()).isZero();
    }
}
