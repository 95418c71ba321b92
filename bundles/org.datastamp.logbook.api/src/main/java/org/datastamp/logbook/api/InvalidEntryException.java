package org.datastamp.logbook.api;

/** Input the logbook refuses (empty note, image not PNG/JPEG/TIFF, too large, rating out of range); nothing written. */
public class InvalidEntryException extends LogbookException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   what is wrong, e.g. {@code stars} or {@code content}
     * @param message what to do about it
     */
    public InvalidEntryException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
