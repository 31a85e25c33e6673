package dev.quire.output;

import java.util.List;

/**
 * Prints a query result row by row, so that results larger than memory stream through. Values
 * are plain Java values (see {@link SparkValues}): null, String, Boolean, Number, List, Map.
 */
public interface ResultWriter {
    void start(List<ResultColumn> columns);

    void row(List<Object> values);

    /** Called once after the last row; prints any footer and flushes. */
    void end();
}
