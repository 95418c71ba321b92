package org.datastamp.useroffice.api;

/** A shipment status change that does not follow its lifecycle; nothing was written. */
public class InvalidTransitionException extends UserOfficeException {

    private static final long serialVersionUID = 1L;

    public InvalidTransitionException(String message) {
        super(message);
    }

    public InvalidTransitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
