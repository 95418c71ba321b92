package org.datastamp.acquisition.api;

/** A scan could not be started; the message says why (unknown detector, bad request, ...). */
public class ScanException extends Exception {

    private static final long serialVersionUID = 1L;

    public ScanException(String message) {
        super(message);
    }

    public ScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
