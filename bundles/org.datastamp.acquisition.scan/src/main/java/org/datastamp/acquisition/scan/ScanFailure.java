package org.datastamp.acquisition.scan;

/** Thrown inside a scan (or a recovery) to end it FAILED with this message, which says where any data is. */
final class ScanFailure extends Exception {

    private static final long serialVersionUID = 1L;

    ScanFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
