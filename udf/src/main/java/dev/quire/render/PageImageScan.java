package dev.quire.render;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Finds the largest image drawn on a page and its resolution, and whether anything else is
 * painted (text, strokes, fills). A scanned page is one image covering the page and nothing
 * else; rendering it above the image's own resolution only interpolates pixels.
 */
final class PageImageScan extends PDFStreamEngine {
    /** Operators that paint something other than an image: text showing, path painting, shading. */
    private static final Set<String> PAINTING = Set.of("Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*",
            "b", "b*", "sh");

    private double bestArea;
    private double bestPpi;
    private boolean otherContent;

    PageImageScan() {
        addOperator(new Concatenate(this));
        addOperator(new DrawObject(this));
        addOperator(new SetGraphicsStateParameters(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
        addOperator(new SetMatrix(this));
    }

    /** The largest image's share of the page area, its pixels per inch, and whether more is painted. */
    record Result(double coverage, double ppi, boolean otherContent) {
    }

    Result scan(PDPage page) throws IOException {
        processPage(page);
        double pageArea = page.getCropBox().getWidth() * (double) page.getCropBox().getHeight();
        return new Result(pageArea <= 0 ? 0 : Math.min(1, bestArea / pageArea), bestPpi, otherContent);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (PAINTING.contains(operator.getName())) {
            otherContent = true;
        }
        if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName name) {
            PDXObject xobject = getResources().getXObject(name);
            if (xobject instanceof PDImageXObject image) {
                measure(image);
                return;
            }
            if (xobject instanceof PDFormXObject form) {
                showForm(form);
                return;
            }
        }
        super.processOperator(operator, operands);
    }

    private void measure(PDImageXObject image) {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        double w = Math.abs(ctm.getScalingFactorX());
        double h = Math.abs(ctm.getScalingFactorY());
        double area = w * h;
        if (area > bestArea && w > 0 && h > 0) {
            bestArea = area;
            bestPpi = Math.min(image.getWidth() / (w / 72.0), image.getHeight() / (h / 72.0));
        }
    }
}
