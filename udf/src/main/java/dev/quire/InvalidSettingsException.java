package dev.quire;

/** A setting was given a value it cannot take; the message quotes the key and the value. */
public class InvalidSettingsException extends QuireException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(String message) {
        super(message);
    }

    public static InvalidSettingsException of(String key, Object value, String expected) {
        return new InvalidSettingsException(
                "invalid value for " + key + ": '" + value + "' (expected " + expected + ")");
    }
}
