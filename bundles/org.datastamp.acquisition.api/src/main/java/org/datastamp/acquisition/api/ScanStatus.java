package org.datastamp.acquisition.api;

import java.util.Objects;
import java.util.Optional;

import org.datastamp.catalog.api.DatasetId;

/**
 * Where a scan stands.
 *
 * @param id            the scan
 * @param request       what was asked
 * @param state         its state
 * @param framesWritten frames safely in the file so far
 * @param dataset       the recorded dataset once completed
 * @param error         why it failed, if it did
 * @param framesDropped frames lost so far because the writer could not keep up (the scan service's frame queue was
 *                      full in {@code drop} mode) or the detector could not deliver them; never hidden
 */
public record ScanStatus(ScanId id, ScanRequest request, ScanState state, long framesWritten,
        Optional<DatasetId> dataset, Optional<String> error, long framesDropped) {

    public ScanStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(error, "error");
        if (framesWritten < 0 || framesDropped < 0) {
            throw new IllegalArgumentException("Frame counts must not be negative");
        }
    }

    /** A status with no dropped frames (the form before frame dropping was reported; kept for existing callers). */
    public ScanStatus(ScanId id, ScanRequest request, ScanState state, long framesWritten,
            Optional<DatasetId> dataset, Optional<String> error) {
        this(id, request, state, framesWritten, dataset, error, 0);
    }
}
