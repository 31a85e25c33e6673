package dev.quire.service;

import dev.quire.QuireException;

/**
 * The one error type the service's own code throws towards a client. Its {@link Problem} decides
 * the HTTP status and the problem-details type; its message is safe to show (it never carries a
 * stack trace, a secret or a path outside what the client itself sent). The API's exception
 * mapper is the only place that turns it (and anything unexpected) into a response.
 */
public final class ServiceException extends QuireException {
    private final Problem problem;
    private final Integer retryAfterSeconds;

    public ServiceException(Problem problem, String message) {
        this(problem, message, null, null);
    }

    public ServiceException(Problem problem, String message, Integer retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** For {@link Problem#QUEUE_FULL}: seconds a client should wait; null otherwise. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
