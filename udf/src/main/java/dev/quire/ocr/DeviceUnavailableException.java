package dev.quire.ocr;

import dev.quire.QuireException;

/** An explicitly requested accelerator cannot be used; fatal for a job. */
public class DeviceUnavailableException extends QuireException {
    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
