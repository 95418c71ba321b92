package org.datastamp.catalog.api;

/** Where one copy of a dataset's files stands. The states are also the lifecycle engine's journal. */
public enum CopyState {
    /**
     * Recorded before the first byte is written: the copy may be partial and never counts. After a crash the engine
     * deletes what was written and forgets the copy.
     */
    WRITING,
    /** Every file was written, read back and its SHA-256 matched the catalogue's checksum. */
    VERIFIED,
    /**
     * No longer counted, recorded before its objects are deleted (only while enough other verified copies exist);
     * {@link DatasetCopy#purgedAt()} is set once they are gone.
     */
    RELEASED
}
