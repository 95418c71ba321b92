package org.datastamp.controls.api;

/** A control system could not be read; the message names the variable and the reason. */
public class ControlSystemException extends Exception {

    private static final long serialVersionUID = 1L;

    public ControlSystemException(String message) {
        super(message);
    }

    public ControlSystemException(String message, Throwable cause) {
        super(message, cause);
    }
}
