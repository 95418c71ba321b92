package org.datastamp.doi.datacite;

import org.datastamp.doi.api.DoiException;

/** DataCite answered with an HTTP error; the status tells a taken DOI (422) from bad credentials (401). */
final class DataCiteRefusal extends DoiException {

    private static final long serialVersionUID = 1L;

    private final int status;

    DataCiteRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
