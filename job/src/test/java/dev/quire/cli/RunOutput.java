package dev.quire.cli;

import dev.quire.local.FileDigest;
import dev.quire.testing.TestPdfs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real output root made by two in-process {@code quire run}s (mode text, so no OCR) over
 * generated born-digital PDFs, for the query and export tests:
 * <ul>
 *   <li>{@code a/report.pdf} (2 pages) and {@code b/report.pdf} (1 page): the same file name twice;</li>
 *   <li>{@code notes, draft.pdf}: a comma in the path, quotes in the text (CSV quoting);</li>
 *   <li>{@code long.pdf}: 12 pages, more than one page-range task, to check page order;</li>
 *   <li>{@code changing.pdf}: 1 page in the first run, different content (2 pages) in the second;</li>
 *   <li>{@code junk.pdf}: not a PDF, a documents row without pages.</li>
 * </ul>
 * The second run is incremental: unchanged documents get {@code skipped} rows there, so their
 * current rows stay those of the first run.
 */
record RunOutput(Path root, Path input, String firstRun, String secondRun, String docA, String docB,
                 String changedBefore, String changedAfter) {
    static final String QUOTED = "Quoted \"words\", commas, and more.";
    static final int LONG_PAGES = 12;

    static RunOutput build(Path dir) {
        try {
            Path in = Files.createDirectories(dir.resolve("in"));
            Path a = TestPdfs.bornDigital(Files.createDirectories(in.resolve("a")).resolve("report.pdf"),
                    List.of(TestPdfs.PROSE, TestPdfs.PROSE_LEFT));
            Path b = TestPdfs.bornDigital(Files.createDirectories(in.resolve("b")).resolve("report.pdf"),
                    List.of(TestPdfs.PROSE_RIGHT));
            TestPdfs.bornDigital(in.resolve("notes, draft.pdf"), List.of(List.of(QUOTED)));
            TestPdfs.bornDigital(in.resolve("long.pdf"), IntStream.rangeClosed(1, LONG_PAGES)
                    .mapToObj(i -> List.of(longPageText(i))).toList());
            Path changing = TestPdfs.bornDigital(in.resolve("changing.pdf"),
                    List.of(List.of("First version of the changing file.")));
            Files.writeString(in.resolve("junk.pdf"), "not a PDF at all");
            Path out = dir.resolve("out");

            String changedBefore = FileDigest.sha256(changing);
            String first = run(in, out);
            TestPdfs.bornDigital(changing, List.of(List.of("Second version, page one."),
                    List.of("Second version, page two.")));
            String second = run(in, out, "--incremental");
            return new RunOutput(out, in, first, second, FileDigest.sha256(a), FileDigest.sha256(b), changedBefore,
                    FileDigest.sha256(changing));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String longPageText(int page) {
        return "Page " + page + " of the long document.";
    }

    /** Runs the job; returns the id of the run it committed. */
    private static String run(Path in, Path out, String... extra) throws IOException {
        List<String> before = runIds(out);
        List<String> args = new ArrayList<>(List.of("run", "--input", in.toString(), "--output", out.toString(),
                "--master", "local[2]", "--mode", "text", "-q"));
        args.addAll(List.of(extra));
        Result r = Result.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.SOME_FAILED);   // junk.pdf
        List<String> after = runIds(out);
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return after.get(0);
    }

    private static List<String> runIds(Path out) throws IOException {
        Path runs = out.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.list(runs)) {
            return new ArrayList<>(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList());
        }
    }

    /** Exit code, stdout and stderr of one in-process command line. */
    record Result(int code, String out, String err) {
        static Result of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            var cli = Quire.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int code = cli.execute(args);
            return new Result(code, out.toString(), err.toString());
        }
    }
}
