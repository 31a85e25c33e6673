package dev.quire.testing;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Generates the PDFs tests need: known text in standard fonts, image-only copies, hostile files. */
public final class TestPdfs {
    /** Plain English prose: the ground truth of the generated pages. */
    public static final List<String> PROSE = List.of(
            "The quick brown fox jumps over the lazy dog near the river bank.",
            "Optical character recognition turns images of printed pages into text.",
            "Every document in the corpus yields one row, whatever happened to it.",
            "Pages are rendered at two hundred dots per inch before recognition.",
            "A careful reader checks the numbers 1234 and 5678 twice.",
            "Spark schedules tasks on executors that share one model session.",
            "The committee will meet again on Tuesday to review the results.",
            "Small classes with one job are easier to test and to change.");

    /** Text for the left column of two-column pages. */
    public static final List<String> PROSE_LEFT = List.of(
            "Scanned journals often print text",
            "in two narrow columns per page,",
            "with a title across the full width",
            "and a small gap between columns.",
            "A good reader finishes the left",
            "column before starting the right.");

    /** Text for the right column of two-column pages. */
    public static final List<String> PROSE_RIGHT = List.of(
            "Columns are read from top to bottom,",
            "the left one before the right one,",
            "just as a person reads a journal.",
            "Reading across the gutter mixes",
            "sentences from unrelated passages",
            "and ruins the order of the text.");

    private TestPdfs() {
    }

    /** One Letter page per list of lines, set in Times 12pt with a text layer. */
    public static Path bornDigital(Path file, List<List<String>> pages) {
        try (PDDocument doc = new PDDocument()) {
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    writeLines(cs, lines, Standard14Fonts.FontName.TIMES_ROMAN, 12, 72, 700);
                }
            }
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Letter page with a full-width title and two columns of 11pt Helvetica below it. */
    public static Path twoColumns(Path file, String title, List<String> left, List<String> right) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                writeLines(cs, List.of(title), Standard14Fonts.FontName.HELVETICA_BOLD, 16, 72, 700);
                writeLines(cs, left, Standard14Fonts.FontName.HELVETICA, 11, 72, 650);
                writeLines(cs, right, Standard14Fonts.FontName.HELVETICA, 11, 324, 650);
            }
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLines(PDPageContentStream cs, List<String> lines, Standard14Fonts.FontName font,
                                   float size, float x, float y) throws IOException {
        cs.beginText();
        cs.setFont(new PDType1Font(font), size);
        cs.setLeading(size * 1.5f);
        cs.newLineAtOffset(x, y);
        for (String line : lines) {
            cs.showText(line);
            cs.newLine();
        }
        cs.endText();
    }

    /** An image-only copy of {@code source}: every page rasterised at {@code dpi}, no text layer. */
    public static Path imageOnly(Path source, Path file, int dpi) {
        return imageOnly(source, file, dpi, false);
    }

    /** Like {@link #imageOnly(Path, Path, int)}, optionally with every page image turned upside down. */
    public static Path imageOnly(Path source, Path file, int dpi, boolean upsideDown) {
        try (PDDocument src = org.apache.pdfbox.Loader.loadPDF(source.toFile()); PDDocument doc = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(src);
            for (int i = 0; i < src.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                if (upsideDown) {
                    image = rotate180(image);
                }
                PDRectangle box = src.getPage(i).getMediaBox();
                PDPage page = new PDPage(box);
                doc.addPage(page);
                PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(xobject, 0, 0, box.getWidth(), box.getHeight());
                }
            }
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage rotate180(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.rotate(Math.PI, image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    /** A copy of a born-digital document protected with the given passwords (empty user password allowed). */
    public static Path encrypted(Path file, String userPassword, String ownerPassword) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                writeLines(cs, PROSE, Standard14Fonts.FontName.TIMES_ROMAN, 12, 72, 700);
            }
            AccessPermission permissions = new AccessPermission();
            permissions.setCanModify(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of {@code widthInches}×{@code heightInches} with one line of text. */
    public static Path hugePage(Path file, float widthInches, float heightInches) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(widthInches * 72, heightInches * 72));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                writeLines(cs, List.of("A very large page"), Standard14Fonts.FontName.HELVETICA, 400, 72,
                        heightInches * 72 - 600);
            }
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pages} Letter pages, each with one line of text naming its page number. */
    public static Path manyPages(Path file, int pages) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("This is page number " + i + " of a very long document.");
                    cs.endText();
                }
            }
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A born-digital first page followed by a page whose media box has no area (it cannot be rendered). */
    public static Path withEmptyPage(Path file) {
        bornDigital(file, List.of(PROSE, List.of()));
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            doc.getPage(1).setMediaBox(new PDRectangle(0, 0));
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code keep} bytes of a valid PDF: a truncated download. */
    public static Path truncated(Path valid, Path file, int keep) {
        try {
            byte[] bytes = java.nio.file.Files.readAllBytes(valid);
            java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, Math.min(keep, bytes.length)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
