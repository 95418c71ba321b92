package org.datastamp.doi.api;

/**
 * A Digital Object Identifier such as {@code 10.5072/maxiv.1234}.
 *
 * @param value the DOI name, without a resolver prefix
 */
public record Doi(String value) {

    public Doi {
        if (value == null || !value.matches("10\\.\\d{4,9}/\\S+")) {
            throw new IllegalArgumentException("Not a DOI: '" + value + "' (expected 10.<prefix>/<suffix>)");
        }
    }
}
