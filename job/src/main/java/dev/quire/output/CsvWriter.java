package dev.quire.output;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code --format csv}: RFC 4180 — a header line, CRLF between records, fields quoted when they
 * hold a comma, quote, CR or LF, quotes doubled. Null is an empty field and the empty string is
 * {@code ""}, so that readers that care (DuckDB, PostgreSQL's COPY) can tell them apart.
 */
public final class CsvWriter implements ResultWriter {
    private static final String RECORD_END = "\r\n";

    private final PrintWriter out;

    public CsvWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void start(List<ResultColumn> columns) {
        record(columns.stream().map(c -> (Object) c.name()).toList());
    }

    @Override
    public void row(List<Object> values) {
        record(values);
    }

    @Override
    public void end() {
        out.flush();
    }

    private void record(List<Object> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values.get(i);
            if (v != null) {
                sb.append(field(CellText.of(v)));
            }
        }
        out.print(sb.append(RECORD_END));
    }

    static String field(String s) {
        boolean quote = s.isEmpty();
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
