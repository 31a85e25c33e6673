package dev.quire.service.store;

import dev.quire.QuireException;

/** The job store cannot be reached or refused a statement. */
public class StoreException extends QuireException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
