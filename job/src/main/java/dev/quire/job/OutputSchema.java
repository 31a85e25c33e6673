package dev.quire.job;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.List;
import java.util.Map;

/** The Parquet contract of DESIGN.md as Spark schemas; the column names are those of {@link Columns}. */
public final class OutputSchema {
    public static final String DOC_ID = Columns.DOC_ID;
    public static final String PATH = Columns.PATH;
    public static final String SIZE_BYTES = Columns.SIZE_BYTES;
    public static final String MODIFIED_AT = Columns.MODIFIED_AT;
    public static final String PAGE_COUNT = Columns.PAGE_COUNT;
    public static final String STATUS = Columns.STATUS;
    public static final String ERROR = Columns.ERROR;
    public static final String PAGES_OCR = Columns.PAGES_OCR;
    public static final String PAGES_TEXT_LAYER = Columns.PAGES_TEXT_LAYER;
    public static final String MEAN_CONFIDENCE = Columns.MEAN_CONFIDENCE;
    public static final String RUN_ID = Columns.RUN_ID;
    public static final String PROCESSED_AT = Columns.PROCESSED_AT;
    public static final String PIPELINE = Columns.PIPELINE;
    public static final String RESULT_RUN_ID = Columns.RESULT_RUN_ID;

    public static final String PAGE = Columns.PAGE;
    public static final String METHOD = Columns.METHOD;
    public static final String TEXT = Columns.TEXT;
    public static final String LINES = Columns.LINES;
    public static final String CONFIDENCE = Columns.CONFIDENCE;
    public static final String BOX = Columns.BOX;
    public static final String WIDTH_PX = Columns.WIDTH_PX;
    public static final String HEIGHT_PX = Columns.HEIGHT_PX;
    public static final String DPI = Columns.DPI;
    public static final String RENDER_MS = Columns.RENDER_MS;
    public static final String OCR_MS = Columns.OCR_MS;

    /**
     * Parquet writer options for the pages table. Rows reach the writer sorted by doc_id within each
     * file (the partition function orders its tasks), so small pages make the page index (min/max
     * doc_id per page) selective: a per-document lookup (the REST service, or any engine that uses
     * column indexes) reads a few pages of each column instead of the whole row group. The default
     * limit (20,000 rows) puts a whole file's doc_id column in one page. doc_id is written without
     * a dictionary: every id is distinct, so a dictionary saves nothing, and reading one page of ids
     * would mean decoding the dictionary of all the file's ids first.
     */
    public static final Map<String, String> PAGES_WRITE_OPTIONS = Map.of("parquet.page.row.count.limit", "20",
            "parquet.enable.dictionary#" + DOC_ID, "false");

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
