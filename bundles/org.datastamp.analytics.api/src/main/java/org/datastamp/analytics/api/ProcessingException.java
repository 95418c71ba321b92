package org.datastamp.analytics.api;

/** A plugin could not process its inputs; the message says why in terms a scientist can act on. */
public class ProcessingException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProcessingException(String message) {
        super(message);
    }

    public ProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
