package dev.quire;

/**
 * Root of every exception Quire throws on purpose. Adapters (CLI, Spark, REST) map these to exit
 * codes, row statuses and HTTP statuses in one place each; anything else is a bug.
 */
public class QuireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QuireException(String message) {
        super(message);
    }

    public QuireException(String message, Throwable cause) {
        super(message, cause);
    }
}
