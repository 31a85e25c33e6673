package dev.quire.render;

import dev.quire.QuireException;

/** A document (or one of its pages) cannot be processed; the job goes on without it. */
public class DocumentException extends QuireException {
    private static final long serialVersionUID = 1L;

    private final DocumentProblem problem;

    public DocumentException(DocumentProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public DocumentException(DocumentProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public DocumentProblem problem() {
        return problem;
    }
}
