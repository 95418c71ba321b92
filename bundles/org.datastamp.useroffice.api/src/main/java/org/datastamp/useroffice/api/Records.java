package org.datastamp.useroffice.api;

/** The catalogue's rule for identifiers, applied to user-office records. */
final class Records {

    private Records() {
    }

    static void requireId(String field, String value) {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}")) {
            throw new IllegalArgumentException("Invalid " + field + " '" + value
                    + "': use 1-128 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
    }
}
