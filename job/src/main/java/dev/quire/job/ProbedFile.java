package dev.quire.job;

import dev.quire.pipeline.DocumentStatus;

import java.io.Serializable;

/**
 * An input file after the executors looked at it: content hash and page count, or why it cannot
 * be read ({@code problem} non-null; {@code docId} null when not even its bytes could be read).
 */
public record ProbedFile(SourceFile source, String docId, int pageCount, DocumentStatus problem, String error)
        implements Serializable {

    public boolean readable() {
        return problem == null;
    }
}
