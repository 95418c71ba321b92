package org.datastamp.storage.api;

/** Progress of a recall request, as in ICAT IDS's prepareData / isPrepared. */
public enum RecallState {
    /** Waiting for a drive. */
    QUEUED,
    /** Some cartridges are mounted and being read; some keys may already be online. */
    STAGING,
    /** Every key of the request can be read now. */
    ONLINE,
    /** At least one key could not be recalled; the status message says which and why. */
    FAILED
}
