package org.datastamp.logbook.api;

/** The viewer may read but not write here (only proposal members, the instrument's staff, curators and admins write). */
public class AccessDeniedException extends LogbookException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
