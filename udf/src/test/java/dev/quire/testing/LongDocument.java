package dev.quire.testing;

import java.nio.file.Path;

/** Writes a long born-digital PDF for benchmarks: {@code LongDocument FILE PAGES}. */
public final class LongDocument {
    private LongDocument() {
    }

    public static void main(String[] args) {
        TestPdfs.manyPages(Path.of(args[0]), Integer.parseInt(args[1]));
    }
}
