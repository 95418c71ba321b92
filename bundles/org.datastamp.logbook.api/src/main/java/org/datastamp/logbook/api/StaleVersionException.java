package org.datastamp.logbook.api;

/** An edit based on a version that is no longer the newest; nothing was written, the editor should start from the newest. */
public class StaleVersionException extends LogbookException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String message) {
        super(message);
    }

    public StaleVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
