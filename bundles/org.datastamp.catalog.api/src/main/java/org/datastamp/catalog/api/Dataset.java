package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded dataset.
 *
 * @param id        its identifier
 * @param created   when the catalogue recorded it
 * @param content   what was recorded
 * @param lifecycle where its files are kept now
 * @param access    what decides who may see it
 * @param doi       the DOI it was published under, empty if none
 */
public record Dataset(DatasetId id, Instant created, NewDataset content, Lifecycle lifecycle, DatasetAccess access,
        String doi) {

    public Dataset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(access, "access");
        doi = doi == null ? "" : doi;
    }

    /** Total bytes of all files. */
    public long size() {
        return content.files().stream().mapToLong(Datafile::size).sum();
    }
}
