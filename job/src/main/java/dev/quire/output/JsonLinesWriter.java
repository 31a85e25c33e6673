package dev.quire.output;

import java.io.PrintWriter;
import java.util.List;

/** {@code --format json}: one JSON object per row and line (JSON Lines), for jq, pandas and DuckDB. */
public final class JsonLinesWriter implements ResultWriter {
    private final PrintWriter out;
    private List<String> names;

    public JsonLinesWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void start(List<ResultColumn> columns) {
        names = columns.stream().map(ResultColumn::name).toList();
    }

    @Override
    public void row(List<Object> values) {
        out.print(JsonLines.line(names, values));
        out.print('\n');
    }

    @Override
    public void end() {
        out.flush();
    }
}
