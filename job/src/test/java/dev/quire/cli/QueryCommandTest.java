package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.cli.RunOutput.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quire query} end to end, in process, over the output of two real runs. */
class QueryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static RunOutput output;

    @BeforeAll
    static void runTwice() {
        output = RunOutput.build(dir);
    }

    private static Result query(String... args) {
        List<String> all = new ArrayList<>(List.of("query", "--output", output.root().toString(), "--master", "local[2]"));
        all.addAll(List.of(args));
        return Result.of(all.toArray(String[]::new));
    }

    private static List<JsonNode> jsonLines(String... args) {
        Result r = query(args);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        return r.out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    @Test
    void tableAlignsColumnsRightAlignsNumbersAndCountsRows() {
        Result r = query("SELECT path, page_count, status FROM documents WHERE path LIKE '%report.pdf' ORDER BY path");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches(" path +\\| page_count \\| status");
        assertThat(lines.get(1)).matches("-+\\+-+\\+-+");
        int bar = lines.get(0).indexOf('|');
        assertThat(lines.get(2).indexOf('|')).isEqualTo(bar);
        assertThat(lines.get(3).indexOf('|')).isEqualTo(bar);
        assertThat(lines.get(2)).startsWith(" file:/").contains("/a/report.pdf ").endsWith("|          2 | ok");
        assertThat(lines.get(3)).startsWith(" file:/").contains("/b/report.pdf ").endsWith("|          1 | ok");
        assertThat(lines.get(4)).isEqualTo("(2 rows)");
    }

    @Test
    void tableCutsLongValuesAndSaysSo() {
        Result r = query("SELECT doc_id, text FROM pages WHERE page = 1 AND doc_id = '" + output.docA() + "'");
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        // the whole doc_id, the text cut at 80 characters, its line breaks shown as \n
        assertThat(lines.get(2)).startsWith(" " + output.docA() + " | The quick brown fox").endsWith("…")
                .doesNotContain("\n");
        assertThat(lines.get(2).substring(lines.get(2).indexOf("| ") + 2)).hasSize(80).contains("bank.\\nOptical");
        assertThat(lines.get(3)).startsWith("(1 row; long values are cut").contains("--format csv or json");
    }

    @Test
    void csvHasAHeaderLineAndRfc4180Quoting() {
        Result r = query("--format", "csv", "SELECT path, page, text FROM pages WHERE path LIKE '%notes%'");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        String path = output.input().resolve("notes, draft.pdf").toUri().getPath();
        assertThat(r.out()).isEqualTo("path,page,text\r\n"
                + "\"file:" + path + "\",1,\"Quoted \"\"words\"\", commas, and more.\"\r\n");

        Result multiLine = query("-f", "csv", "SELECT page, text FROM pages WHERE doc_id = '" + output.docA()
                + "' ORDER BY page");
        assertThat(multiLine.out()).startsWith("page,text\r\n1,\"The quick brown fox")
                .contains("bank.\nOptical").contains("\r\n2,\"Scanned journals");

        Result nulls = query("-f", "csv", "SELECT CAST(NULL AS STRING) AS a, '' AS b, 1.5 AS c, array(1, 2) AS d");
        assertThat(nulls.out()).isEqualTo("a,b,c,d\r\n,\"\",1.5,\"[1,2]\"\r\n");
    }

    @Test
    void jsonIsOneObjectPerLineWithNestedValues() {
        List<JsonNode> rows = jsonLines("--format", "json",
                "SELECT doc_id, page, lines, error FROM pages WHERE doc_id = '" + output.docA() + "' ORDER BY page");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("doc_id").asText()).isEqualTo(output.docA());
        assertThat(rows.get(0).get("page").asInt()).isEqualTo(1);
        assertThat(rows.get(1).get("page").asInt()).isEqualTo(2);
        assertThat(rows.get(0).get("error").isNull()).isTrue();
        JsonNode line = rows.get(0).get("lines").get(0);
        assertThat(line.get("text").asText()).isEqualTo(dev.quire.testing.TestPdfs.PROSE.get(0));
        assertThat(line.get("box")).hasSize(8);
        assertThat(rows.get(0).get("lines")).hasSize(dev.quire.testing.TestPdfs.PROSE.size());
    }

    @Test
    void runsHasOneRowPerCommittedRunWithItsCounts() {
        List<JsonNode> runs = jsonLines("-f", "json", "SELECT * FROM runs ORDER BY run_id");
        assertThat(runs).extracting(r -> r.get("run_id").asText()).containsExactly(output.firstRun(),
                output.secondRun());
        JsonNode first = runs.get(0);
        assertThat(first.get("documents_total").asLong()).isEqualTo(6);
        assertThat(first.get("documents").get("ok").asLong()).isEqualTo(5);
        assertThat(first.get("documents").get("not_pdf").asLong()).isEqualTo(1);
        assertThat(first.get("documents").get("failed").asLong()).isZero();   // every status, zeros included
        assertThat(first.get("pages_total").asLong()).isEqualTo(2 + 1 + 1 + RunOutput.LONG_PAGES + 1);
        assertThat(first.get("pages").get("text_layer").asLong()).isEqualTo(first.get("pages_total").asLong());
        assertThat(first.get("spark_master").asText()).isEqualTo("local[2]");
        assertThat(first.get("settings").get("mode").asText()).isEqualTo("text");
        assertThat(first.get("inputs").get(0).asText()).isEqualTo(output.input().toString());
        assertThat(first.get("started_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
        assertThat(first.get("seconds").asDouble()).isPositive();
        assertThat(first.get("pipeline").asText()).isNotEmpty();

        JsonNode second = runs.get(1);
        assertThat(second.get("documents").get("skipped").asLong()).isEqualTo(4);
        assertThat(second.get("documents").get("ok").asLong()).isEqualTo(1);
        assertThat(second.get("pages_total").asLong()).isEqualTo(2);

        // SQL over the view: map access and timestamps work as Spark types
        List<JsonNode> sql = jsonLines("-f", "json", "SELECT count(*) AS n, sum(documents['skipped']) AS skipped, "
                + "max(finished_at) >= max(started_at) AS ordered FROM runs");
        assertThat(sql.get(0).toString()).isEqualTo("{\"n\":2,\"skipped\":4,\"ordered\":true}");
    }

    @Test
    void currentRowsAreTheLatestCommittedResultPerFile() {
        List<JsonNode> docs = jsonLines("-f", "json", "SELECT doc_id, path, status, run_id, result_run_id "
                + "FROM documents ORDER BY path");
        // every input file once, as the latest run saw it; files it only skipped show the result they reuse
        assertThat(docs).hasSize(6);
        assertThat(docs).extracting(d -> d.get("path").asText()).doesNotHaveDuplicates();
        for (JsonNode d : docs) {
            String path = d.get("path").asText();
            assertThat(d.get("run_id").asText()).as(path).isEqualTo(output.secondRun());
            if (path.endsWith("junk.pdf")) {
                assertThat(d.get("status").asText()).isEqualTo("not_pdf");
                assertThat(d.get("result_run_id").isNull()).isTrue();
                continue;
            }
            assertThat(d.get("status").asText()).as(path).isEqualTo("ok");
            String resultRun = d.get("doc_id").asText().equals(output.changedAfter())
                    ? output.secondRun() : output.firstRun();
            assertThat(d.get("result_run_id").asText()).as(path).isEqualTo(resultRun);
        }
        // the changed file shows its new content only
        assertThat(docs.stream().filter(d -> d.get("path").asText().endsWith("/changing.pdf"))
                .map(d -> d.get("doc_id").asText()).toList())
                .containsExactly(output.changedAfter());

        List<JsonNode> pages = jsonLines("-f", "json", "SELECT doc_id, count(*) AS pages, min(run_id) AS first, "
                + "max(run_id) AS last FROM pages GROUP BY doc_id");
        assertThat(pages).hasSize(5);
        for (JsonNode p : pages) {
            String run = p.get("doc_id").asText().equals(output.changedAfter()) ? output.secondRun() : output.firstRun();
            assertThat(p.get("first").asText()).isEqualTo(run);
            assertThat(p.get("last").asText()).isEqualTo(run);
        }
        assertThat(pages.stream().mapToLong(p -> p.get("pages").asLong()).sum())
                .isEqualTo(2 + 1 + 1 + RunOutput.LONG_PAGES + 2);
    }

    @Test
    void uncommittedRunsAreInvisible() throws IOException {
        // a run that wrote its Parquet but died before its manifest: a copy of the second run's tables
        String dead = "29991231T235959Z-dead00";
        copyTree(output.root().resolve("documents/run=" + output.secondRun()),
                output.root().resolve("documents/run=" + dead));
        copyTree(output.root().resolve("pages/run=" + output.secondRun()), output.root().resolve("pages/run=" + dead));
        Files.writeString(output.root().resolve("runs/." + dead + ".json.tmp"), "{}");
        try {
            List<JsonNode> rows = jsonLines("-f", "json", "SELECT (SELECT count(*) FROM runs) AS runs, "
                    + "(SELECT count(*) FROM documents WHERE run_id = '" + dead + "') AS documents, "
                    + "(SELECT count(*) FROM pages WHERE run_id = '" + dead + "') AS pages");
            assertThat(rows.get(0).toString()).isEqualTo("{\"runs\":2,\"documents\":0,\"pages\":0}");
        } finally {
            deleteTree(output.root().resolve("documents/run=" + dead));
            deleteTree(output.root().resolve("pages/run=" + dead));
            Files.delete(output.root().resolve("runs/." + dead + ".json.tmp"));
        }
    }

    @Test
    void badSqlFailsWithOneLine() {
        Result syntax = query("SELEC path FROM documents");
        assertThat(syntax.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(syntax.out()).isEmpty();
        assertThat(syntax.err().lines().toList()).singleElement().asString()
                .startsWith("quire: bad query: [PARSE_SYNTAX_ERROR]");

        Result table = query("SELECT * FROM documentz");
        assertThat(table.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(table.err().lines().toList()).singleElement().asString()
                .startsWith("quire: bad query: [TABLE_OR_VIEW_NOT_FOUND]").contains("documentz");

        Result runtime = query("SELECT 1 / (page - page) FROM pages");
        assertThat(runtime.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(runtime.err().lines().toList()).singleElement().asString()
                .startsWith("quire: query failed: [DIVIDE_BY_ZERO]");
    }

    @Test
    void aMissingOrEmptyOutputFailsWithOneLine() throws IOException {
        Path missing = dir.resolve("no-such-output");
        Result r = Result.of("query", "-o", missing.toString(), "SELECT * FROM documents");
        assertThat(r.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(r.err()).isEqualTo("quire: output '" + missing + "' does not exist" + System.lineSeparator());

        Path empty = Files.createDirectories(dir.resolve("empty-output"));
        Result e = Result.of("query", "-o", empty.toString(), "SELECT * FROM documents");
        assertThat(e.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(e.err().lines().toList()).singleElement().asString()
                .startsWith("quire: output '" + empty + "' has no committed run");
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        Result format = query("--format", "xml", "SELECT 1");
        assertThat(format.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("'xml'").contains("table, csv, json");
        assertThat(Result.of("query", "SELECT 1").code()).isEqualTo(ExitCodes.USAGE);   // no --output
        assertThat(query().code()).isEqualTo(ExitCodes.USAGE);                           // no SQL
    }

    @Test
    void helpShowsViewsAndExamples() {
        Result r = Result.of("query", "--help");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Examples:").contains("ILIKE '%invoice%'").contains("runs")
                .contains("--format");
        assertThat(Result.of("--help").out()).contains("query").contains("export");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
