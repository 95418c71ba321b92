package org.datastamp.analytics.api;

/** Where a job is. QUEUED and RUNNING are live; the others are final. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** True when the job will not change any more. */
    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
