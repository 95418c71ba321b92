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
 */
public record ScanStatus(ScanId id, ScanRequest request, ScanState state, long framesWritten,
        Optional<DatasetId> dataset, Optional<String> error) {

    public ScanStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(error, "error");
    }
}
