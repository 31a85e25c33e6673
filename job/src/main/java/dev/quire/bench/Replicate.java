package dev.quire.bench;

import dev.quire.local.InputFiles;
import dev.quire.render.DocumentException;
import dev.quire.render.PdfDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -cp … dev.quire.bench.Replicate OUT MIN_PAGES SRC…}: copies the readable PDFs of
 * SRC into OUT, over and over, until OUT holds at least MIN_PAGES pages (every file at least once),
 * and prints that page count. Each copy gets a distinct trailing PDF comment: {@code quire run}
 * reads identical files once (same content hash), so plain copies would not add work.
 */
public final class Replicate {
    private Replicate() {
    }

    record Source(Path file, int pages) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: Replicate OUT MIN_PAGES SRC...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int minPages = Integer.parseInt(args[1]);
        List<Path> inputs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            inputs.add(Path.of(args[i]));
        }
        System.out.println(replicate(InputFiles.expand(inputs), out, minPages));
    }

    /** Writes the copies; returns the pages in OUT. */
    static int replicate(List<Path> files, Path out, int minPages) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path f : files) {
            try (PdfDocument doc = PdfDocument.open(f)) {
                if (doc.pageCount() > 0) {
                    sources.add(new Source(f, doc.pageCount()));
                }
            } catch (DocumentException e) {
                System.err.println("replicate: skipping " + f + ": " + e.getMessage());
            }
        }
        if (sources.isEmpty()) {
            throw new IOException("no readable PDF pages in " + files);
        }
        Files.createDirectories(out);
        int pages = 0;
        for (int copy = 0; copy == 0 || pages < minPages; copy++) {
            for (Source s : sources) {
                if (copy > 0 && pages >= minPages) {
                    break;
                }
                String name = String.format("c%04d-%s", copy, s.file().getFileName());
                Path target = out.resolve(name);
                Files.copy(s.file(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                // after %%EOF a comment changes the bytes (and the content hash), not the document
                Files.write(target, ("\n%quire-bench-copy " + copy + "\n").getBytes(StandardCharsets.US_ASCII),
                        StandardOpenOption.APPEND);
                pages += s.pages();
            }
        }
        return pages;
    }
}
