package dev.quire.job;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/** The Parquet contract of DESIGN.md: column names (defined once) and the two tables' schemas. */
public final class OutputSchema {
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

    /** One text line: its text, mean character probability, quadrilateral x1,y1,…,x4,y4 in page pixels. */
    public static final StructType LINE = new StructType(new StructField[] {
        DataTypes.createStructField(TEXT, DataTypes.StringType, false),
        DataTypes.createStructField(CONFIDENCE, DataTypes.FloatType, false),
        DataTypes.createStructField(BOX, DataTypes.createArrayType(DataTypes.FloatType, false), false),
    });

    public static final StructType PAGES = new StructType(new StructField[] {
        DataTypes.createStructField(DOC_ID, DataTypes.StringType, false),
        DataTypes.createStructField(PATH, DataTypes.StringType, false),
        DataTypes.createStructField(PAGE, DataTypes.IntegerType, false),
        DataTypes.createStructField(METHOD, DataTypes.StringType, false),
        DataTypes.createStructField(TEXT, DataTypes.StringType, false),
        DataTypes.createStructField(LINES, DataTypes.createArrayType(LINE, false), false),
        DataTypes.createStructField(WIDTH_PX, DataTypes.IntegerType, false),
        DataTypes.createStructField(HEIGHT_PX, DataTypes.IntegerType, false),
        DataTypes.createStructField(DPI, DataTypes.DoubleType, false),
        DataTypes.createStructField(CONFIDENCE, DataTypes.FloatType, false),
        DataTypes.createStructField(RENDER_MS, DataTypes.DoubleType, false),
        DataTypes.createStructField(OCR_MS, DataTypes.DoubleType, false),
        DataTypes.createStructField(ERROR, DataTypes.StringType, true),
        DataTypes.createStructField(RUN_ID, DataTypes.StringType, false),
    });

    public static final StructType DOCUMENTS = new StructType(new StructField[] {
        DataTypes.createStructField(DOC_ID, DataTypes.StringType, true),
        DataTypes.createStructField(PATH, DataTypes.StringType, false),
        DataTypes.createStructField(SIZE_BYTES, DataTypes.LongType, false),
        DataTypes.createStructField(MODIFIED_AT, DataTypes.TimestampType, true),
        DataTypes.createStructField(PAGE_COUNT, DataTypes.IntegerType, false),
        DataTypes.createStructField(STATUS, DataTypes.StringType, false),
        DataTypes.createStructField(ERROR, DataTypes.StringType, true),
        DataTypes.createStructField(PAGES_OCR, DataTypes.IntegerType, false),
        DataTypes.createStructField(PAGES_TEXT_LAYER, DataTypes.IntegerType, false),
        DataTypes.createStructField(MEAN_CONFIDENCE, DataTypes.FloatType, true),
        DataTypes.createStructField(RUN_ID, DataTypes.StringType, false),
        DataTypes.createStructField(PROCESSED_AT, DataTypes.TimestampType, false),
        DataTypes.createStructField(PIPELINE, DataTypes.StringType, false),
        DataTypes.createStructField(RESULT_RUN_ID, DataTypes.StringType, true),
    });

    /** Column order of {@link #PAGES}, for building rows. */
    static final List<String> PAGE_COLUMNS = List.of(PAGES.fieldNames());

    private OutputSchema() {
    }
}
