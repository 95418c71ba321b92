package org.datastamp.logbook.api;

/** The logbook could not complete an operation; nothing was half-written. */
public class LogbookException extends Exception {

    private static final long serialVersionUID = 1L;

    public LogbookException(String message) {
        super(message);
    }

    public LogbookException(String message, Throwable cause) {
        super(message, cause);
    }
}
