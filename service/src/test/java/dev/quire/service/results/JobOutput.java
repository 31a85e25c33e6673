package dev.quire.service.results;

import dev.quire.cli.Quire;
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
 * A real output root made by two in-process {@code quire run}s (the job itself, local Spark) over
 * generated PDFs:
 * <ul>
 *   <li>{@code report.pdf}: 2 born-digital pages;</li>
 *   <li>{@code long.pdf}: 12 pages, read in page ranges of 4 (so by several tasks, in several files);</li>
 *   <li>{@code scan.pdf}: one image-only page, OCR'd in mode auto, so its page has lines and boxes;</li>
 *   <li>{@code changing.pdf}: 1 page in the first run, different content (2 pages) in the second;</li>
 *   <li>{@code junk.pdf}: not a PDF, a documents row without pages.</li>
 * </ul>
 * The second run is incremental: the unchanged documents get {@code skipped} rows that point at
 * the first run's pages.
 */
public record JobOutput(Path root, String firstRun, String secondRun, Path report, String reportId, String longId,
                 String scanId, String changedBefore, String changedAfter, String junkId) {
    public static final int LONG_PAGES = 12;
    public static final String FIRST_VERSION = "First version of the changing file.";
    public static final List<String> SECOND_VERSION = List.of("Second version, page one.", "Second version, page two.");

    public static JobOutput build(Path dir) {
        try {
            Path in = Files.createDirectories(dir.resolve("in"));
            Path report = TestPdfs.bornDigital(in.resolve("report.pdf"), List.of(TestPdfs.PROSE, TestPdfs.PROSE_LEFT));
            Path longPdf = TestPdfs.bornDigital(in.resolve("long.pdf"), IntStream.rangeClosed(1, LONG_PAGES)
                    .mapToObj(i -> List.of(longPageText(i))).toList());
            Path source = TestPdfs.bornDigital(dir.resolve("scan-source.pdf"), List.of(TestPdfs.PROSE.subList(0, 3)));
            Path scan = TestPdfs.imageOnly(source, in.resolve("scan.pdf"), 200);
            Path changing = TestPdfs.bornDigital(in.resolve("changing.pdf"), List.of(List.of(FIRST_VERSION)));
            Path junk = Files.writeString(in.resolve("junk.pdf"), "not a PDF at all");
            Path out = dir.resolve("out");

            String changedBefore = FileDigest.sha256(changing);
            String first = run(in, out);
            TestPdfs.bornDigital(changing, SECOND_VERSION.stream().map(List::of).toList());
            String second = run(in, out, "--incremental");
            return new JobOutput(out, first, second, report, FileDigest.sha256(report), FileDigest.sha256(longPdf),
                    FileDigest.sha256(scan), changedBefore, FileDigest.sha256(changing), FileDigest.sha256(junk));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String longPageText(int page) {
        return "Page " + page + " of the long document.";
    }

    /** Runs the job in this JVM; returns the id of the run it committed. */
    private static String run(Path in, Path out, String... extra) throws IOException {
        List<String> before = runIds(out);
        List<String> args = new ArrayList<>(List.of("run", "--input", in.toString(), "--output", out.toString(),
                "--master", "local[2]", "--mode", "auto", "--device", "cpu", "--pages-per-task", "4",
                "--conf", "spark.ui.enabled=false", "-q"));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        var cli = Quire.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isEqualTo(3);   // junk.pdf is not a PDF: "some documents failed"
        List<String> after = runIds(out);
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return after.get(0);
    }

    static List<String> runIds(Path out) throws IOException {
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
}
