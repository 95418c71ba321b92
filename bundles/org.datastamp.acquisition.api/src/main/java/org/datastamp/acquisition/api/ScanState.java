package org.datastamp.acquisition.api;

/** Life of a scan. */
public enum ScanState {
    QUEUED, RUNNING, COMPLETED, FAILED
}
