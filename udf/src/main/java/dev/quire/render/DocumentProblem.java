package dev.quire.render;

/** Why a document could not be opened; each maps to a documents-row status. */
public enum DocumentProblem {
    /** Zero bytes. */
    EMPTY,
    /** No {@code %PDF-} header in the first kilobyte. */
    NOT_PDF,
    /** Needs a user password. */
    ENCRYPTED,
    /** Has a PDF header but cannot be parsed (truncated, damaged). */
    CORRUPT,
    /** Exceeds a configured limit (pages). */
    TOO_LARGE,
    /** Could not be read (I/O error). */
    UNREADABLE
}
