package dev.quire.render;

import dev.quire.ocr.TextLine;
import dev.quire.ocr.geometry.Quad;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts one page's text with PDFBox (content-stream order), collecting line boxes and
 * counting glyphs whose font has no Unicode mapping for them.
 */
final class TextLayerReader extends PDFTextStripper {
    private final double pixelsPerPoint;
    private final List<TextLine> lines = new ArrayList<>();
    private final StringBuilder lineText = new StringBuilder();
    private float left = Float.MAX_VALUE;
    private float top = Float.MAX_VALUE;
    private float right = -Float.MAX_VALUE;
    private float bottom = -Float.MAX_VALUE;
    private int glyphs;
    private int unmapped;

    TextLayerReader(double pixelsPerPoint) {
        this.pixelsPerPoint = pixelsPerPoint;
        setLineSeparator("\n");
        setParagraphStart("");
        setParagraphEnd("");
        setPageEnd("");
    }

    TextLayer read(PDDocument document, int pageNumber) throws IOException {
        setStartPage(pageNumber);
        setEndPage(pageNumber);
        StringWriter out = new StringWriter();
        writeText(document, out);
        flushLine();
        return new TextLayer(out.toString().strip(), List.copyOf(lines), glyphs, unmapped);
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
            throws IOException {
        glyphs++;
        String unicode = font.toUnicode(code);
        if (unicode == null || unicode.isEmpty() || isGarbage(unicode)) {
            unmapped++;
        }
        super.showGlyph(textRenderingMatrix, font, code, displacement);
    }

    private static boolean isGarbage(String s) {
        return s.codePoints().anyMatch(c -> c == 0xFFFD || (c < 0x20 && !Character.isWhitespace(c))
                || Character.getType(c) == Character.PRIVATE_USE);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        super.writeString(text, positions);
        lineText.append(text);
        for (TextPosition p : positions) {
            float x = p.getXDirAdj();
            float baseline = p.getYDirAdj();
            left = Math.min(left, x);
            right = Math.max(right, x + p.getWidthDirAdj());
            top = Math.min(top, baseline - p.getHeightDir());
            bottom = Math.max(bottom, baseline);
        }
    }

    @Override
    protected void writeWordSeparator() throws IOException {
        super.writeWordSeparator();
        lineText.append(getWordSeparator());
    }

    @Override
    protected void writeLineSeparator() throws IOException {
        super.writeLineSeparator();
        flushLine();
    }

    private void flushLine() {
        String text = lineText.toString().strip();
        if (!text.isEmpty() && left <= right) {
            double s = pixelsPerPoint;
            lines.add(new TextLine(text, 1f,
                    Quad.rectangle((float) (left * s), (float) (top * s), (float) (right * s), (float) (bottom * s))));
        }
        lineText.setLength(0);
        left = Float.MAX_VALUE;
        top = Float.MAX_VALUE;
        right = -Float.MAX_VALUE;
        bottom = -Float.MAX_VALUE;
    }
}
