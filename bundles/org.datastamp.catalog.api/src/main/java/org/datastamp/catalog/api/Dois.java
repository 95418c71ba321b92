package org.datastamp.catalog.api;

/** The DOI syntax check shared by the records that hold one. */
final class Dois {

    private Dois() {
    }

    static void require(String doi) {
        if (doi == null || !doi.matches("10\\.\\d{4,9}/\\S+")) {
            throw new IllegalArgumentException("'" + doi + "' is not a DOI (10.<prefix>/<suffix>)");
        }
    }
}
