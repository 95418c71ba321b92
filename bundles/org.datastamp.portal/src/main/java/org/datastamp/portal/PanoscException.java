package org.datastamp.portal;

/** A PaNOSC API request that cannot be answered; written as a Loopback error document with its status. */
final class PanoscException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    PanoscException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static PanoscException badRequest(String message) {
        return new PanoscException(400, message);
    }

    static PanoscException notFound(String message) {
        return new PanoscException(404, message);
    }
}
