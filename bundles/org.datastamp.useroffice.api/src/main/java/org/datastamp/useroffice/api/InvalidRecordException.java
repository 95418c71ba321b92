package org.datastamp.useroffice.api;

/** A record the user office refuses (unknown proposal, sample of another proposal...); nothing was written. */
public class InvalidRecordException extends UserOfficeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidRecordException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
