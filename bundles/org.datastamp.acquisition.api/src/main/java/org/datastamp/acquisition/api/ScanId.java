package org.datastamp.acquisition.api;

/**
 * Identifier of a scan, e.g. {@code scan-000042}.
 *
 * @param value the identifier text
 */
public record ScanId(String value) {

    public ScanId {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("Invalid scan id '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
