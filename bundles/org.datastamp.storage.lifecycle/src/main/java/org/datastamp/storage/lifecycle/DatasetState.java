package org.datastamp.storage.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetCopy;

/**
 * A dataset with its copies and last access, as read from the catalogue for one planning step.
 *
 * @param lastAccess last recorded access; {@code null} if none since ingest
 */
record DatasetState(Dataset dataset, List<DatasetCopy> copies, Instant lastAccess) {

    DatasetState {
        copies = List.copyOf(copies);
    }

    /** When the dataset was last used: its last access, or its registration. */
    Instant lastUse() {
        return lastAccess == null || lastAccess.isBefore(dataset.created()) ? dataset.created() : lastAccess;
    }

    List<DatasetCopy> verified() {
        return copies.stream().filter(c -> c.state() == CopyState.VERIFIED).toList();
    }

    Optional<DatasetCopy> verifiedOn(String backendId) {
        return verified().stream().filter(c -> c.backendId().equals(backendId)).findFirst();
    }

    Optional<DatasetCopy> writing() {
        return copies.stream().filter(c -> c.state() == CopyState.WRITING).findFirst();
    }
}
