package dev.quire.output;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Output file names for documents: the source file name without {@code .pdf}; when two documents
 * share a name, the later ones get {@code _} and the first 8 characters of their document id.
 */
public final class OutputNames {
    private final Set<String> used = new HashSet<>();

    /** A unique base name (without extension) for a document. */
    public synchronized String nameFor(String sourceFileName, String docId) {
        String base = stripPdf(sourceFileName);
        String name = base;
        if (!used.add(name.toLowerCase(Locale.ROOT))) {
            String suffix = docId == null ? "dup" : docId.substring(0, Math.min(8, docId.length()));
            name = base + "_" + suffix;
            int n = 2;
            while (!used.add(name.toLowerCase(Locale.ROOT))) {
                name = base + "_" + suffix + "_" + n++;
            }
        }
        return name;
    }

    static String stripPdf(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".pdf") && fileName.length() > 4
                ? fileName.substring(0, fileName.length() - 4) : fileName;
    }
}
