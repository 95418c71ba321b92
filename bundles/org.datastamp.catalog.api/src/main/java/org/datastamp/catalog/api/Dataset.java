package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded dataset.
 *
 * @param id       its identifier
 * @param created  when the catalogue recorded it
 * @param content  what was recorded
 */
public record Dataset(DatasetId id, Instant created, NewDataset content) {

    public Dataset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(content, "content");
    }

    /** Total bytes of all files. */
    public long size() {
        return content.files().stream().mapToLong(Datafile::size).sum();
    }
}
