package org.datastamp.useroffice.api;

/** The viewer may not do this (the message says who may). */
public class NotPermittedException extends UserOfficeException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String message) {
        super(message);
    }

    public NotPermittedException(String message, Throwable cause) {
        super(message, cause);
    }
}
