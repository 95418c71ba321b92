package org.datastamp.logbook.api;

/** No such session, scan, entry or image, or none the viewer may see. */
public class NotFoundException extends LogbookException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
