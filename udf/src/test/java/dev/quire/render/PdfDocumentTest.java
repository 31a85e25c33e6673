package dev.quire.render;

import dev.quire.testing.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PdfDocumentTest {
    @TempDir
    Path dir;

    @Test
    void countsPagesAndReadsTheTextLayer() {
        Path pdf = TestPdfs.bornDigital(dir.resolve("two.pdf"), List.of(TestPdfs.PROSE, List.of("Second page text")));
        try (PdfDocument doc = PdfDocument.open(pdf)) {
            assertThat(doc.pageCount()).isEqualTo(2);
            TextLayer layer = doc.textLayer(0, 200);
            assertThat(layer.text()).startsWith(TestPdfs.PROSE.get(0)).contains(TestPdfs.PROSE.get(7));
            assertThat(layer.usable()).isTrue();
            assertThat(layer.lines()).hasSize(TestPdfs.PROSE.size());
            // the first line starts one inch from the left edge: 200 px at 200 DPI
            assertThat(layer.lines().get(0).box().minX()).isCloseTo(200f, within(2f));
            assertThat(doc.textLayer(1, 200).usable()).isFalse();
        }
    }

    @Test
    void rendersGrayAtTheRequestedResolution() {
        Path pdf = TestPdfs.bornDigital(dir.resolve("one.pdf"), List.of(TestPdfs.PROSE));
        try (PdfDocument doc = PdfDocument.open(pdf)) {
            RenderedPage page = doc.render(0, RenderSettings.DEFAULTS.withDpi(100));
            // PDFBox truncates width × scale computed in floats: allow one pixel
            assertThat(page.image().width()).isCloseTo(850, within(1));
            assertThat(page.image().height()).isCloseTo(1100, within(1));
            assertThat(page.dpi()).isCloseTo(100, within(1e-6));
        }
    }

    @Test
    void scansAreRenderedAtTheirOwnResolution() {
        Path text = TestPdfs.bornDigital(dir.resolve("text.pdf"), List.of(TestPdfs.PROSE));
        Path scan = TestPdfs.imageOnly(text, dir.resolve("scan.pdf"), 150);
        try (PdfDocument doc = PdfDocument.open(scan)) {
            RenderedPage page = doc.render(0, RenderSettings.DEFAULTS);
            assertThat(page.dpi()).isCloseTo(150, within(0.5));
            assertThat(page.image().width()).isCloseTo(1275, within(1));
            assertThat(doc.render(0, RenderSettings.DEFAULTS.withScanResolution(false)).image().width())
                    .isCloseTo(1700, within(1));
        }
    }

    @Test
    void anImageWithTextDrawnOverItIsNotAScan() throws Exception {
        Path text = TestPdfs.bornDigital(dir.resolve("t.pdf"), List.of(TestPdfs.PROSE));
        Path scan = TestPdfs.imageOnly(text, dir.resolve("s.pdf"), 100);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(scan.toFile())) {
            var page = doc.getPage(0);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page,
                    org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode.APPEND, false)) {
                cs.addRect(10, 10, 50, 50);
                cs.fill();
            }
            doc.save(dir.resolve("s2.pdf").toFile());
        }
        try (PdfDocument doc = PdfDocument.open(dir.resolve("s2.pdf"))) {
            assertThat(doc.render(0, RenderSettings.DEFAULTS).dpi()).isCloseTo(200, within(0.5));
        }
    }

    @Test
    void aPageWithoutAreaIsAPageError() {
        Path pdf = TestPdfs.withEmptyPage(dir.resolve("empty-page.pdf"));
        try (PdfDocument doc = PdfDocument.open(pdf)) {
            assertThatThrownBy(() -> doc.render(1, RenderSettings.DEFAULTS)).isInstanceOf(DocumentException.class)
                    .hasMessageContaining("page 2 has no area");
        }
    }

    @Test
    void hugePagesAreRenderedWithinThePixelCap() {
        Path pdf = TestPdfs.hugePage(dir.resolve("huge.pdf"), 200, 200);
        try (PdfDocument doc = PdfDocument.open(pdf)) {
            RenderedPage page = doc.render(0, RenderSettings.DEFAULTS);
            long pixels = (long) page.image().width() * page.image().height();
            assertThat(pixels).isLessThanOrEqualTo(RenderSettings.DEFAULT_MAX_PIXELS);
            assertThat(page.dpi()).isLessThan(RenderSettings.DEFAULT_DPI);
        }
    }

    @Test
    void anEmptyUserPasswordOpens() {
        Path pdf = TestPdfs.encrypted(dir.resolve("owner.pdf"), "", "owner-secret");
        try (PdfDocument doc = PdfDocument.open(pdf)) {
            assertThat(doc.textLayer(0, 200).text()).contains(TestPdfs.PROSE.get(0));
        }
    }

    @Test
    void aUserPasswordIsATypedError() {
        Path pdf = TestPdfs.encrypted(dir.resolve("user.pdf"), "user-secret", "owner-secret");
        assertThatThrownBy(() -> PdfDocument.open(pdf)).isInstanceOfSatisfying(DocumentException.class,
                e -> assertThat(e.problem()).isEqualTo(DocumentProblem.ENCRYPTED));
    }

    @Test
    void hostileFilesRaiseTheirProblem() throws Exception {
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        Path png = Files.write(dir.resolve("image.pdf"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        Path valid = TestPdfs.bornDigital(dir.resolve("valid.pdf"), List.of(TestPdfs.PROSE));
        Path cut = TestPdfs.truncated(valid, dir.resolve("cut.pdf"), 300);
        assertProblem(empty, DocumentProblem.EMPTY);
        assertProblem(png, DocumentProblem.NOT_PDF);
        assertProblem(cut, DocumentProblem.CORRUPT);
        assertThatThrownBy(() -> PdfDocument.open(dir.resolve("missing.pdf")))
                .isInstanceOfSatisfying(DocumentException.class,
                        e -> assertThat(e.problem()).isEqualTo(DocumentProblem.UNREADABLE));
    }

    private static void assertProblem(Path file, DocumentProblem problem) {
        assertThatThrownBy(() -> PdfDocument.open(file)).isInstanceOfSatisfying(DocumentException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.getMessage()).startsWith(file.toString());
        });
    }

    @Test
    void opensFromBytes() throws Exception {
        Path pdf = TestPdfs.bornDigital(dir.resolve("bytes.pdf"), List.of(TestPdfs.PROSE));
        try (PdfDocument doc = PdfDocument.open(Files.newInputStream(pdf), "stream")) {
            assertThat(doc.pageCount()).isEqualTo(1);
        }
    }
}
