package dev.quire.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format table}: an aligned text table for people, in the style of psql. Column widths
 * come from the header and the first {@value #SAMPLE_ROWS} rows, so that a result of any size
 * streams through in bounded memory; a value longer than {@value #MAX_WIDTH} characters (or,
 * after the sample, than its column) is cut and ends in {@value #CUT}, and the footer says so.
 * Line breaks and tabs inside values are shown as {@code \n}, {@code \t} so that every row is
 * one line. Null is shown as {@code NULL}.
 */
public final class TableWriter implements ResultWriter {
    static final int MAX_WIDTH = 80;   // a doc_id (64 hex digits) fits whole
    static final int SAMPLE_ROWS = 1000;
    static final String CUT = "…";
    static final String NULL = "NULL";

    private final PrintWriter out;
    private List<ResultColumn> columns;
    private final List<String[]> sample = new ArrayList<>();
    private int[] widths;
    private long rows;
    private boolean cut;

    public TableWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void start(List<ResultColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    public void row(List<Object> values) {
        String[] cells = new String[values.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = fit(cell(values.get(i)), MAX_WIDTH);
        }
        rows++;
        if (widths == null) {
            sample.add(cells);
            if (sample.size() == SAMPLE_ROWS) {
                printSample();
            }
        } else {
            line(cells);
        }
    }

    @Override
    public void end() {
        if (widths == null) {
            printSample();
        }
        String count = rows == 1 ? "(1 row" : "(" + rows + " rows";
        out.println(cut ? count + "; long values are cut at " + CUT + ", --format csv or json prints them whole)"
                : count + ")");
        out.flush();
    }

    private void printSample() {
        widths = new int[columns.size()];
        String[] header = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            header[i] = fit(columns.get(i).name(), MAX_WIDTH);
            widths[i] = Math.max(1, length(header[i]));
        }
        for (String[] cells : sample) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], length(cells[i]));
            }
        }
        line(header);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "+").append("-".repeat(widths[i] + 2));
        }
        out.println(rule);
        sample.forEach(this::line);
        sample.clear();
    }

    private void line(String[] cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String c = fit(cells[i], widths[i]);
            String pad = " ".repeat(widths[i] - length(c));
            sb.append(i == 0 ? " " : " | ");
            sb.append(columns.get(i).numeric() ? pad + c : c + (i == widths.length - 1 ? "" : pad));
        }
        out.println(sb);
    }

    private static String cell(Object value) {
        if (value == null) {
            return NULL;
        }
        String s = CellText.of(value);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\f' -> sb.append("\\f");
                default -> sb.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /** {@code s} cut to {@code width} characters (code points), the last one being {@link #CUT}. */
    private String fit(String s, int width) {
        if (length(s) <= width) {
            return s;
        }
        cut = true;
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, width - 1))) + CUT;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
