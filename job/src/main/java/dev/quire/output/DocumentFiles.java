package dev.quire.output;

import dev.quire.QuireException;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one file per document from pages that arrive grouped by document and in page order:
 * {@code DIR/NAME.txt} (page texts, each followed by a newline, separated by form feeds — what
 * {@code quire ocr} prints) or {@code DIR/NAME.jsonl} (one line per page). NAME comes from
 * {@link OutputNames}. Each file is written to a hidden temporary file and renamed into place
 * when its document is complete, so a file that exists is whole.
 */
public final class DocumentFiles implements AutoCloseable {
    private final Path dir;
    private final String extension;
    private final String pageSeparator;
    private final OutputNames names = new OutputNames();
    private String docId;
    private Path target;
    private Path tmp;
    private Writer writer;
    private long documents;
    private long pages;

    private DocumentFiles(Path dir, String extension, String pageSeparator) {
        this.dir = dir;
        this.extension = extension;
        this.pageSeparator = pageSeparator;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new QuireException("cannot create directory '" + dir + "': " + e.getMessage(), e);
        }
    }

    /** Text files: page texts separated by form feeds, like a Tesseract sidecar. */
    public static DocumentFiles text(Path dir) {
        return new DocumentFiles(dir, ".txt", "\f");
    }

    /** JSON Lines files: one JSON object per page. */
    public static DocumentFiles jsonLines(Path dir) {
        return new DocumentFiles(dir, ".jsonl", "");
    }

    /**
     * Adds a page ({@code content}: its text, or its JSON line) to the document {@code docId},
     * starting that document's file when it differs from the previous page's.
     */
    public void page(String docId, String sourcePath, String content) {
        try {
            if (!docId.equals(this.docId)) {
                finishDocument();
                startDocument(docId, sourcePath);
            } else {
                writer.write(pageSeparator);
            }
            writer.write(content);
            writer.write('\n');
            pages++;
        } catch (IOException e) {
            throw new QuireException("cannot write '" + target + "': " + e.getMessage(), e);
        }
    }

    public long documents() {
        return documents;
    }

    public long pages() {
        return pages;
    }

    /** Completes the last document. */
    public void finish() {
        try {
            finishDocument();
        } catch (IOException e) {
            throw new QuireException("cannot write '" + target + "': " + e.getMessage(), e);
        }
    }

    /** Removes the temporary file of a document left incomplete by an error. */
    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // nothing more to do: the temporary file is hidden and the error that got us here is reported
            }
            writer = null;
        }
    }

    private void startDocument(String docId, String sourcePath) throws IOException {
        String fileName = sourcePath.substring(sourcePath.lastIndexOf('/') + 1);
        String name = names.nameFor(fileName, docId) + extension;
        this.docId = docId;
        target = dir.resolve(name);
        tmp = dir.resolve("." + name + ".tmp");
        writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
    }

    private void finishDocument() throws IOException {
        if (writer == null) {
            return;
        }
        writer.close();
        writer = null;
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        documents++;
    }
}
