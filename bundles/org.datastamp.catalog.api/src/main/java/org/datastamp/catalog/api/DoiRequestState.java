package org.datastamp.catalog.api;

/** Where a request to mint a DOI stands. */
public enum DoiRequestState {
    /** Asked for by a scientist; waits for a curator. */
    REQUESTED,
    /** Approved by a curator; the DOI is being (or failed to be) registered. */
    APPROVED,
    /** The DOI is registered and its datasets are public. */
    REGISTERED,
    /** Turned down by a curator, with a reason. */
    REJECTED
}
