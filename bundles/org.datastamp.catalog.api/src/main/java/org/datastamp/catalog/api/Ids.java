package org.datastamp.catalog.api;

/** The one rule for catalogue identifiers (instrument, proposal, session, sample, user names). */
final class Ids {

    private Ids() {
    }

    static void require(String field, String value) {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}")) {
            throw new IllegalArgumentException("Invalid " + field + " '" + value
                    + "': use 1-128 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
    }

    static void requireOptional(String field, String value) {
        if (value != null && !value.isEmpty()) {
            require(field, value);
        }
    }
}
