package org.datastamp.doi.api;

/** A DOI could not be registered or updated; the message says why. */
public class DoiException extends Exception {

    private static final long serialVersionUID = 1L;

    public DoiException(String message) {
        super(message);
    }

    public DoiException(String message, Throwable cause) {
        super(message, cause);
    }
}
