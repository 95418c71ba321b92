package org.datastamp.catalog.api;

/** Input the catalogue refuses (unknown unit, invalid checksum, duplicate path, unknown proposal...); nothing was written. */
public class InvalidInputException extends CatalogException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   where the problem is, e.g. {@code datasets[3].metadata[2].unit}
     * @param message what is wrong, for a person to act on
     */
    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** Where the problem is, e.g. {@code datasets[3].files[0].checksum}. */
    public String field() {
        return field;
    }
}
