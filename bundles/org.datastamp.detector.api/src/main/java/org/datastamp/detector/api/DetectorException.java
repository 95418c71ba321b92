package org.datastamp.detector.api;

/** A detector could not acquire; the message says which detector and why. */
public class DetectorException extends Exception {

    private static final long serialVersionUID = 1L;

    public DetectorException(String message) {
        super(message);
    }

    public DetectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
