package dev.quire.service.results;

import dev.quire.job.Columns;
import dev.quire.service.results.Results.Line;
import dev.quire.service.results.Results.PageRow;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

import java.util.List;
import java.util.Map;

/** Rows of a pages file as {@link PageRow}s; columns left out of the projection read as zero, null or empty. */
final class PageRowMaterializer extends RecordMaterializer<PageRow> {
    private final RecordValues root;
    private final int page;
    private final int method;
    private final int text;
    private final int lines;
    private final int widthPx;
    private final int heightPx;
    private final int dpi;
    private final int confidence;
    private final int renderMs;
    private final int ocrMs;
    private final int error;
    private final int runId;

    PageRowMaterializer(MessageType projection) {
        root = new RecordValues(projection, Map.of(Columns.LINES, LinesConverter::new));
        page = root.slot(Columns.PAGE);
        method = root.slot(Columns.METHOD);
        text = root.slot(Columns.TEXT);
        lines = root.slot(Columns.LINES);
        widthPx = root.slot(Columns.WIDTH_PX);
        heightPx = root.slot(Columns.HEIGHT_PX);
        dpi = root.slot(Columns.DPI);
        confidence = root.slot(Columns.CONFIDENCE);
        renderMs = root.slot(Columns.RENDER_MS);
        ocrMs = root.slot(Columns.OCR_MS);
        error = root.slot(Columns.ERROR);
        runId = root.slot(Columns.RUN_ID);
    }

    @Override
    @SuppressWarnings("unchecked")
    public PageRow getCurrentRecord() {
        Object l = root.get(lines);
        return new PageRow(root.intValue(page), root.string(method), root.string(text),
                l == null ? List.of() : (List<Line>) l, root.intValue(widthPx), root.intValue(heightPx),
                root.doubleValue(dpi), root.floatValue(confidence), root.doubleValue(renderMs),
                root.doubleValue(ocrMs), root.string(error), root.string(runId));
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }
}
