package dev.quire.render;

import dev.quire.image.GrayImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An open PDF. Not thread-safe (PDFBox is not): use one instance per thread. Encrypted files
 * that open with the empty user password are readable; others raise {@link DocumentProblem#ENCRYPTED}.
 */
public final class PdfDocument implements AutoCloseable {
    /** The PDF header may follow up to this much junk (Acrobat's tolerance). */
    static final int HEADER_WINDOW = 1024;

    static {
        FontCache.configure();
    }

    private final PDDocument document;
    private final PDFRenderer renderer;
    private final String name;

    private PdfDocument(PDDocument document, String name) {
        this.document = document;
        this.name = name;
        this.renderer = new PDFRenderer(document);
        renderer.setSubsamplingAllowed(true);
    }

    public static PdfDocument open(Path file) {
        return open(file, file.toString());
    }

    /** Opens a local file that stands for {@code name} (e.g. a copy of a remote file) in messages. */
    public static PdfDocument open(Path file, String name) {
        long size;
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            head = in.readNBytes(HEADER_WINDOW);
        } catch (IOException e) {
            throw new DocumentException(DocumentProblem.UNREADABLE, name + ": cannot read: " + e.getMessage(), e);
        }
        checkHeader(name, size, head);
        try {
            return load(new RandomAccessReadBufferedFile(file.toFile()), name);
        } catch (IOException e) {
            throw new DocumentException(DocumentProblem.UNREADABLE, name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads the whole stream into memory and opens it. */
    public static PdfDocument open(InputStream in, String name) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new DocumentException(DocumentProblem.UNREADABLE, name + ": cannot read: " + e.getMessage(), e);
        }
        return open(bytes, name);
    }

    public static PdfDocument open(byte[] bytes, String name) {
        checkHeader(name, bytes.length, Arrays.copyOf(bytes, Math.min(bytes.length, HEADER_WINDOW)));
        return load(new RandomAccessReadBuffer(bytes), name);
    }

    private static void checkHeader(String name, long size, byte[] head) {
        if (size == 0) {
            throw new DocumentException(DocumentProblem.EMPTY, name + ": empty file (0 bytes)");
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (!text.contains("%PDF-")) {
            throw new DocumentException(DocumentProblem.NOT_PDF, name + ": not a PDF (no %PDF- header)");
        }
    }

    private static PdfDocument load(RandomAccessRead source, String name) {
        try {
            PDDocument doc = Loader.loadPDF(source, "");
            return new PdfDocument(doc, name);
        } catch (InvalidPasswordException e) {
            closeQuietly(source);
            throw new DocumentException(DocumentProblem.ENCRYPTED, name + ": encrypted, needs a password");
        } catch (IOException | RuntimeException e) {
            closeQuietly(source);
            throw new DocumentException(DocumentProblem.CORRUPT, name + ": damaged PDF: " + message(e), e);
        }
    }

    public String name() {
        return name;
    }

    public int pageCount() {
        return document.getNumberOfPages();
    }

    /** Size in PDF points (1/72 inch) of a page as displayed (crop box, rotation applied). */
    public double[] pageSizePoints(int pageIndex) {
        PDPage page = page(pageIndex);
        PDRectangle box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        double w = box.getWidth();
        double h = box.getHeight();
        return turned ? new double[] {h, w} : new double[] {w, h};
    }

    /** The page's embedded text; {@code dpi} sets the pixel scale of the line boxes. */
    public TextLayer textLayer(int pageIndex, double dpi) {
        page(pageIndex);
        try {
            return new TextLayerReader(dpi / 72.0).read(document, pageIndex + 1);
        } catch (IOException | RuntimeException e) {
            throw new DocumentException(DocumentProblem.CORRUPT,
                    name + ": page " + (pageIndex + 1) + ": cannot read text: " + message(e), e);
        }
    }

    /** Renders a page to 8-bit gray at the settings' DPI, lowered as needed to fit the pixel cap. */
    public RenderedPage render(int pageIndex, RenderSettings settings) {
        double[] size = pageSizePoints(pageIndex);
        if (!(size[0] >= 1 && size[1] >= 1)) {
            throw new DocumentException(DocumentProblem.CORRUPT, name + ": page " + (pageIndex + 1)
                    + " has no area (" + size[0] + " x " + size[1] + " pt)");
        }
        double dpi = settings.scanResolution() ? Math.min(settings.dpi(), scanPpi(pageIndex)) : settings.dpi();
        double scale = PixelBudget.scale(size[0], size[1], dpi, settings.maxPixels());
        if (settings.fastHints()) {
            renderer.setRenderingHints(fastHints());
        }
        try {
            BufferedImage image = renderer.renderImage(pageIndex, (float) scale, ImageType.GRAY);
            return new RenderedPage(GrayImage.from(image), scale * 72.0);
        } catch (IOException | RuntimeException e) {
            throw new DocumentException(DocumentProblem.CORRUPT,
                    name + ": page " + (pageIndex + 1) + ": cannot render: " + message(e), e);
        } catch (OutOfMemoryError e) {
            throw new DocumentException(DocumentProblem.TOO_LARGE,
                    name + ": page " + (pageIndex + 1) + ": out of memory while rendering", e);
        }
    }

    /**
     * Resolution of the image that makes up a scanned page, or infinity when the page is not a
     * scan (no image covers most of it, or it also draws text or vector graphics, which a low
     * image resolution must not blur). Never below {@link RenderSettings#MIN_DPI}.
     */
    double scanPpi(int pageIndex) {
        try {
            PageImageScan.Result r = new PageImageScan().scan(page(pageIndex));
            if (r.otherContent() || r.coverage() < RenderSettings.SCAN_COVERAGE || r.ppi() <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            return Math.max(RenderSettings.MIN_DPI, r.ppi());
        } catch (IOException | RuntimeException e) {
            return Double.POSITIVE_INFINITY; // rendering will report what is wrong with the page
        }
    }

    private PDPage page(int pageIndex) {
        if (pageIndex < 0 || pageIndex >= pageCount()) {
            throw new IndexOutOfBoundsException(name + ": no page " + (pageIndex + 1) + " of " + pageCount());
        }
        return document.getPage(pageIndex);
    }

    private static RenderingHints fastHints() {
        RenderingHints hints = new RenderingHints(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        hints.put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
        hints.put(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return hints;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static void closeQuietly(RandomAccessRead source) {
        try {
            source.close();
        } catch (IOException ignored) {
            // the load already failed; that error is the one worth reporting
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            // closing releases buffers only; nothing was written
        }
    }
}
