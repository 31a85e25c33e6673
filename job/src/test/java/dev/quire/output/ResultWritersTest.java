package dev.quire.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The three query output formats on plain values (the Spark side is covered by QueryCommandTest). */
class ResultWritersTest {
    private static final List<ResultColumn> COLUMNS = List.of(new ResultColumn("name", false),
            new ResultColumn("n", true));

    private static String write(Function<PrintWriter, ResultWriter> format, List<ResultColumn> columns,
                                List<List<Object>> rows) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        ResultWriter w = format.apply(out);
        w.start(columns);
        rows.forEach(w::row);
        w.end();
        return sw.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void tableShowsNullsEscapesLineBreaksAndRightAlignsNumbers() {
        String t = write(TableWriter::new, COLUMNS, List.of(Arrays.asList("two\nlines", 12345), Arrays.asList(null, 7)));
        assertThat(t).isEqualTo("""
                 name       |     n
                ------------+-------
                 two\\nlines | 12345
                 NULL       |     7
                (2 rows)
                """);
    }

    @Test
    void tableKeepsItsColumnWidthsAfterTheSampleAndCutsWiderValues() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < TableWriter.SAMPLE_ROWS; i++) {
            rows.add(List.of("abc", i));
        }
        rows.add(List.of("abcdefgh", 1));   // wider than "name", the widest of the sample
        List<String> lines = write(TableWriter::new, COLUMNS, rows).lines().toList();
        assertThat(lines).hasSize(TableWriter.SAMPLE_ROWS + 4);
        assertThat(lines.get(lines.size() - 2)).isEqualTo(" abc… |   1");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("(1001 rows; long values are cut at …, "
                + "--format csv or json prints them whole)");
    }

    @Test
    void tableCutsValuesLongerThanTheMaximumWidth() {
        String longValue = "x".repeat(TableWriter.MAX_WIDTH + 10);
        List<String> lines = write(TableWriter::new, COLUMNS, List.of(List.of(longValue, 1))).lines().toList();
        assertThat(lines.get(2)).isEqualTo(" " + "x".repeat(TableWriter.MAX_WIDTH - 1) + "… | 1");
        assertThat(lines.get(3)).startsWith("(1 row; long values are cut");
    }

    @Test
    void csvQuotesOnlyWhatRfc4180Requires() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", List.of(1, 2));
        String csv = write(CsvWriter::new, List.of(new ResultColumn("a,b", false), new ResultColumn("c", false),
                new ResultColumn("d", false), new ResultColumn("e", false)), List.of(
                Arrays.asList("plain", "say \"hi\"", "line\r\nbreak", map),
                Arrays.asList(null, "", " spaced ", 0.5)));
        assertThat(csv).isEqualTo("\"a,b\",c,d,e\r\n"
                + "plain,\"say \"\"hi\"\"\",\"line\r\nbreak\",\"{\"\"k\"\":[1,2]}\"\r\n"
                + ",\"\", spaced ,0.5\r\n");
    }

    @Test
    void jsonLinesKeepColumnOrderTypesAndRepeatedNames() {
        String json = write(JsonLinesWriter::new, List.of(new ResultColumn("id", true), new ResultColumn("id", true),
                new ResultColumn("s", false), new ResultColumn("l", false)), List.of(
                Arrays.asList(1, 2L, null, List.of(Map.of("x", 1.5)))));
        assertThat(json).isEqualTo("{\"id\":1,\"id\":2,\"s\":null,\"l\":[{\"x\":1.5}]}\n");
    }

    @Test
    void numbersPrintWithoutExponents() {
        assertThat(CellText.of(1.0e7)).isEqualTo("10000000");
        assertThat(CellText.of(2.0)).isEqualTo("2.0");
        assertThat(CellText.of(1.5e-5)).isEqualTo("0.000015");
        assertThat(CellText.of(0.93f)).isEqualTo("0.93");
        assertThat(CellText.of(Double.NaN)).isEqualTo("NaN");
        assertThat(CellText.of(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CellText.of(true)).isEqualTo("true");
    }
}
