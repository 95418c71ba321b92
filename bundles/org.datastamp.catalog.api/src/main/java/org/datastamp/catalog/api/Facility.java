package org.datastamp.catalog.api;

/**
 * The facility running this catalogue.
 *
 * @param id   short id, e.g. {@code maxiv}
 * @param name full name
 * @param ror  ROR id (https://ror.org/...), empty if unknown
 */
public record Facility(String id, String name, String ror) {

    public Facility {
        Ids.require("facility id", id);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Facility '" + id + "' needs a name");
        }
        ror = ror == null ? "" : ror;
    }
}
