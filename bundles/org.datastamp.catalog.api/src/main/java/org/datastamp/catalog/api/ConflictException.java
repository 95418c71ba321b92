package org.datastamp.catalog.api;

/** The request clashes with what is recorded (e.g. a dataset id reused for different content); nothing was written. */
public class ConflictException extends CatalogException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
