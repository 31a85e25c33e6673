package dev.quire.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.ocr.TextLine;
import dev.quire.pipeline.DocumentResult;
import dev.quire.pipeline.PageMethod;
import dev.quire.pipeline.PageResult;

/**
 * JSON form of a document result, with the field names of the Parquet output contract
 * (documents columns at the top, one object per page under {@code pages}).
 */
public final class DocumentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DocumentJson() {
    }

    public static String toJson(DocumentResult d) {
        try {
            return MAPPER.writeValueAsString(toNode(d));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    public static ObjectNode toNode(DocumentResult d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("doc_id", d.docId());
        n.put("path", d.path());
        n.put("size_bytes", d.sizeBytes());
        n.put("page_count", d.pageCount());
        n.put("status", d.status().label());
        n.put("error", d.error());
        n.put("pages_ocr", d.pagesWith(PageMethod.OCR));
        n.put("pages_text_layer", d.pagesWith(PageMethod.TEXT_LAYER));
        Float mean = d.meanOcrConfidence();
        if (mean == null) {
            n.putNull("mean_confidence");
        } else {
            n.put("mean_confidence", round(mean, 4));
        }
        ArrayNode pages = n.putArray("pages");
        d.pages().forEach(p -> pages.add(page(p)));
        return n;
    }

    private static ObjectNode page(PageResult p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("page", p.page());
        n.put("method", p.method().label());
        n.put("text", p.text());
        ArrayNode lines = n.putArray("lines");
        for (TextLine l : p.lines()) {
            ObjectNode line = lines.addObject();
            line.put("text", l.text());
            line.put("confidence", round(l.confidence(), 4));
            ArrayNode box = line.putArray("box");
            for (float v : l.box().points()) {
                box.add(round(v, 1));
            }
        }
        n.put("width_px", p.widthPx());
        n.put("height_px", p.heightPx());
        n.put("dpi", round(p.dpi(), 2));
        n.put("confidence", round(p.confidence(), 4));
        n.put("render_ms", round(p.renderMs(), 1));
        n.put("ocr_ms", round(p.ocrMs(), 1));
        n.put("error", p.error());
        return n;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
