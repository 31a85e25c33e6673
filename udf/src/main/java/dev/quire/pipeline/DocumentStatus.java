package dev.quire.pipeline;

import dev.quire.render.DocumentProblem;

import java.util.Locale;

/** The outcome category of one input file (the documents table's {@code status}). */
public enum DocumentStatus {
    /** Every page produced text. */
    OK,
    /** Some pages failed, others produced text. */
    PARTIAL,
    /** The file is a PDF but nothing could be read from it. */
    FAILED,
    /** Needs a password. */
    ENCRYPTED,
    /** Not a PDF at all. */
    NOT_PDF,
    /** Zero bytes or no pages. */
    EMPTY,
    /** Already processed with the same pipeline in an earlier run. */
    SKIPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the document counts as a failure for exit codes and summaries. */
    public boolean isFailure() {
        return this == FAILED || this == PARTIAL || this == ENCRYPTED || this == NOT_PDF;
    }

    public static DocumentStatus of(DocumentProblem problem) {
        return switch (problem) {
            case EMPTY -> EMPTY;
            case NOT_PDF -> NOT_PDF;
            case ENCRYPTED -> ENCRYPTED;
            case CORRUPT, TOO_LARGE, UNREADABLE -> FAILED;
        };
    }
}
