package org.datastamp.catalog.api;

/**
 * Identifier of a dataset, e.g. {@code ds-3f9c2a10-...}; safe in URLs and file names.
 *
 * @param value the identifier text
 */
public record DatasetId(String value) {

    public DatasetId {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("Invalid dataset id '" + value
                    + "': use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
