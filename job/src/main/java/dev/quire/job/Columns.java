package dev.quire.job;

/**
 * Column names of the Parquet contract (DESIGN.md), free of Spark so that readers without Spark on
 * their class path (the REST service) can name columns too. {@link OutputSchema} builds the
 * Spark schemas from these names.
 */
public final class Columns {
    public static final String DOC_ID = "doc_id";
    public static final String PATH = "path";
    public static final String SIZE_BYTES = "size_bytes";
    public static final String MODIFIED_AT = "modified_at";
    public static final String PAGE_COUNT = "page_count";
    public static final String STATUS = "status";
    public static final String ERROR = "error";
    public static final String PAGES_OCR = "pages_ocr";
    public static final String PAGES_TEXT_LAYER = "pages_text_layer";
    public static final String MEAN_CONFIDENCE = "mean_confidence";
    public static final String RUN_ID = "run_id";
    public static final String PROCESSED_AT = "processed_at";
    public static final String PIPELINE = "pipeline";
    /** Additive to the contract: the run whose pages hold this document's text (earlier run when skipped). */
    public static final String RESULT_RUN_ID = "result_run_id";

    public static final String PAGE = "page";
    public static final String METHOD = "method";
    public static final String TEXT = "text";
    public static final String LINES = "lines";
    public static final String CONFIDENCE = "confidence";
    public static final String BOX = "box";
    public static final String WIDTH_PX = "width_px";
    public static final String HEIGHT_PX = "height_px";
    public static final String DPI = "dpi";
    public static final String RENDER_MS = "render_ms";
    public static final String OCR_MS = "ocr_ms";

    private Columns() {
    }
}
