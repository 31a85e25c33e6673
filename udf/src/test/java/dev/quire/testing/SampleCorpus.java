package dev.quire.testing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the sample PDFs that ship in {@code samples/}: a born-digital document and two "scans"
 * (image-only, 200 DPI, turned by a fraction of a degree like a sheet on a scanner glass).
 * Regenerate after {@code mvn -DskipTests install} with
 * {@code java -cp "udf/target/test-classes:job/target/lib/*" dev.quire.testing.SampleCorpus samples}.
 */
public final class SampleCorpus {
    static final List<String> LETTER = List.of(
            "Dear members of the reading room,",
            "",
            "Thank you for lending us the bound volumes of the county gazette.",
            "We scanned all 412 pages at two hundred dots per inch and kept the",
            "originals in their boxes. The text of every page is now searchable,",
            "and the results are stored next to the images for later review.",
            "",
            "Three pages were damaged by water and could only be read in part.",
            "They are listed in the enclosed report with their page numbers.",
            "",
            "With kind regards,",
            "The digitisation team");

    static final List<String> LEFT = List.of(
            "Quire reads directories of PDF",
            "files and writes their text to",
            "Parquet. Pages that carry a usable",
            "text layer keep their embedded",
            "text; every other page is rendered",
            "and read with PP-OCR models.",
            "",
            "Each input file yields exactly one",
            "row in the documents table, even",
            "when the file is damaged, empty",
            "or protected with a password.");

    static final List<String> RIGHT = List.of(
            "Two-column pages are read column",
            "by column: the left column first,",
            "then the right one, as a person",
            "would read a journal article.",
            "",
            "Word spacing that the recogniser",
            "drops is restored from the gaps",
            "between characters, so that words",
            "such as of Wisconsin stay apart.",
            "",
            "Results include boxes and scores.");

    private SampleCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "samples"));
        Path tmp = Files.createTempDirectory("quire-samples");
        TestPdfs.bornDigital(out.resolve("born-digital.pdf"), List.of(TestPdfs.PROSE, LETTER));
        scan(TestPdfs.bornDigital(tmp.resolve("letter.pdf"), List.of(LETTER)), out.resolve("scanned-letter.pdf"), 0.4);
        scan(TestPdfs.twoColumns(tmp.resolve("columns.pdf"), "Quire: PDF corpora to text", LEFT, RIGHT),
                out.resolve("scanned-two-column.pdf"), -0.3);
        System.out.println("wrote samples to " + out.toAbsolutePath());
    }

    /** Renders at 200 DPI, turns the page by {@code degrees}, stores it as an image-only PDF. */
    static void scan(Path source, Path target, double degrees) throws IOException {
        try (PDDocument src = Loader.loadPDF(source.toFile()); PDDocument doc = new PDDocument()) {
            BufferedImage page = new PDFRenderer(src).renderImageWithDPI(0, 200, ImageType.GRAY);
            BufferedImage turned = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = turned.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
            g.drawImage(page, 0, 0, null);
            g.dispose();
            PDPage out = new PDPage(PDRectangle.LETTER);
            doc.addPage(out);
            try (PDPageContentStream cs = new PDPageContentStream(doc, out)) {
                cs.drawImage(LosslessFactory.createFromImage(doc, turned), 0, 0, PDRectangle.LETTER.getWidth(),
                        PDRectangle.LETTER.getHeight());
            }
            doc.save(target.toFile());
        }
    }
}
