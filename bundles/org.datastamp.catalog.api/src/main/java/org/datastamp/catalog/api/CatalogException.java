package org.datastamp.catalog.api;

/** The catalogue could not complete an operation; nothing was half-written. */
public class CatalogException extends Exception {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
