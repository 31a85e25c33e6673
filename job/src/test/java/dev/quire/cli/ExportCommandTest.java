package dev.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.cli.RunOutput.Result;
import dev.quire.job.OutputSchema;
import dev.quire.testing.TestPdfs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quire export} end to end, in process, over the output of two real runs. */
class ExportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static RunOutput output;

    @BeforeAll
    static void runTwice() {
        output = RunOutput.build(dir);
    }

    private static Result export(Path to, String... args) {
        List<String> all = new ArrayList<>(List.of("export", "--output", output.root().toString(), "--master",
                "local[2]", "--to", to.toString()));
        all.addAll(List.of(args));
        return Result.of(all.toArray(String[]::new));
    }

    private static List<String> fileNames(Path to) throws IOException {
        try (Stream<Path> files = Files.list(to)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void txtWritesOneFilePerCurrentDocumentWithPagesSeparatedByFormFeeds() throws IOException {
        Path to = dir.resolve("txt");
        Result r = export(to, "--format", "txt");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("exported 5 documents (" + (2 + 1 + 1 + RunOutput.LONG_PAGES + 2)
                + " pages) to " + to + " as .txt files; 1 current document without pages got none"
                + System.lineSeparator());
        // the same name twice: the later path gets _ and 8 characters of its doc_id; a changed file is exported
        // with its newest content only; junk.pdf has no pages, so no file
        assertThat(fileNames(to)).containsExactlyInAnyOrder("report.txt", "report_" + output.docB().substring(0, 8)
                + ".txt", "notes, draft.txt", "long.txt", "changing.txt");

        // exactly what 'quire ocr' prints for the same file
        Result ocr = Result.of("ocr", "--mode", "text", "-q", output.input().resolve("a/report.pdf").toString());
        assertThat(Files.readString(to.resolve("report.txt"))).isEqualTo(ocr.out())
                .isEqualTo(String.join("\n", TestPdfs.PROSE) + "\n\f" + String.join("\n", TestPdfs.PROSE_LEFT) + "\n");
        assertThat(Files.readString(to.resolve("report_" + output.docB().substring(0, 8) + ".txt")))
                .isEqualTo(String.join("\n", TestPdfs.PROSE_RIGHT) + "\n");
        assertThat(Files.readString(to.resolve("changing.txt")))
                .isEqualTo("Second version, page one.\n\fSecond version, page two.\n");
        // pages in page order (10 after 9, not after 1), across page-range tasks
        assertThat(Files.readString(to.resolve("long.txt")).split("\f", -1)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, RunOutput.LONG_PAGES).mapToObj(i -> RunOutput.longPageText(i) + "\n")
                        .toList());
    }

    @Test
    void jsonlWritesOnePageALineWithThePagesColumns() throws IOException {
        Path to = dir.resolve("jsonl");
        Result r = export(to, "--format", "jsonl", "-q");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
        assertThat(fileNames(to)).hasSize(5).allMatch(n -> n.endsWith(".jsonl")).contains("report.jsonl");

        List<String> lines = Files.readAllLines(to.resolve("long.jsonl"));
        assertThat(lines).hasSize(RunOutput.LONG_PAGES);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode page = JSON.readTree(lines.get(i));
            List<String> fields = new ArrayList<>();
            page.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly(OutputSchema.PAGES.fieldNames());
            assertThat(page.get("page").asInt()).isEqualTo(i + 1);
            assertThat(page.get("text").asText()).isEqualTo(RunOutput.longPageText(i + 1));
            assertThat(page.get("method").asText()).isEqualTo("text_layer");
            assertThat(page.get("run_id").asText()).isEqualTo(output.firstRun());
            assertThat(page.get("path").asText()).endsWith("/long.pdf");
            assertThat(page.get("lines").get(0).get("box")).hasSize(8);
        }
        JsonNode changed = JSON.readTree(Files.readAllLines(to.resolve("changing.jsonl")).get(0));
        assertThat(changed.get("doc_id").asText()).isEqualTo(output.changedAfter());
        assertThat(changed.get("run_id").asText()).isEqualTo(output.secondRun());
    }

    @Test
    void exportingAgainReplacesTheFilesAndLeavesNoTemporaryFiles() throws IOException {
        Path to = dir.resolve("again");
        Files.createDirectories(to);
        Files.writeString(to.resolve("report.txt"), "stale");
        assertThat(export(to, "-f", "txt", "-q").code()).isEqualTo(ExitCodes.OK);
        assertThat(export(to, "-f", "txt", "-q").code()).isEqualTo(ExitCodes.OK);
        assertThat(fileNames(to)).hasSize(5).noneMatch(n -> n.startsWith("."));
        assertThat(Files.readString(to.resolve("report.txt"))).startsWith(TestPdfs.PROSE.get(0));
    }

    @Test
    void aMissingOutputFailsWithOneLine() {
        Path missing = dir.resolve("no-such-output");
        Path to = dir.resolve("never");
        Result r = Result.of("export", "-o", missing.toString(), "-f", "txt", "--to", to.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(r.err()).isEqualTo("quire: output '" + missing + "' does not exist" + System.lineSeparator());
        assertThat(to).doesNotExist();
    }

    @Test
    void aDestinationThatIsAFileFailsWithOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result r = export(file, "-f", "txt");
        assertThat(r.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("quire: cannot create directory '" + file + "'");
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        Path to = dir.resolve("unused");
        Result format = export(to, "--format", "pdf");
        assertThat(format.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("'pdf'").contains("txt, jsonl");
        assertThat(export(to).code()).isEqualTo(ExitCodes.USAGE);   // --format is required
        assertThat(Result.of("export", "-o", output.root().toString(), "-f", "txt").code())
                .isEqualTo(ExitCodes.USAGE);                        // --to is required
        assertThat(to).doesNotExist();
    }

    @Test
    void helpShowsExamples() {
        Result r = Result.of("export", "--help");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Examples:").contains("--to").contains("jsonl").contains("form feeds");
    }
}
