package org.datastamp.catalog.api;

/** A unit symbol the units library cannot parse. */
public class UnknownUnitException extends CatalogException {

    private static final long serialVersionUID = 1L;

    private final String unit;

    public UnknownUnitException(String unit, String message) {
        super(message);
        this.unit = unit;
    }

    /** The symbol that could not be parsed. */
    public String unit() {
        return unit;
    }
}
