package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One copy of all of a dataset's files on one storage backend.
 *
 * @param datasetId  the dataset
 * @param backendId  capability id of the storage backend holding it, e.g. {@code hot-disk}, {@code tape-sim}
 * @param keyPrefix  where on that backend: plain files are {@code <keyPrefix>/<path>}; an OCFL object's root
 * @param format     the layout
 * @param state      writing, verified or released
 * @param verifiedAt when every file's checksum was last verified on this copy; {@code null} while writing
 * @param purgedAt   when a released copy's objects were deleted; {@code null} otherwise
 * @param updated    last change of this record
 */
public record DatasetCopy(DatasetId datasetId, String backendId, String keyPrefix, CopyFormat format,
        CopyState state, Instant verifiedAt, Instant purgedAt, Instant updated) {

    public DatasetCopy {
        Objects.requireNonNull(datasetId, "datasetId");
        if (backendId == null || backendId.isBlank()) {
            throw new IllegalArgumentException("A copy of " + datasetId + " needs a backend id");
        }
        if (keyPrefix == null || keyPrefix.isBlank() || keyPrefix.startsWith("/") || keyPrefix.endsWith("/")) {
            throw new IllegalArgumentException("Copy of " + datasetId + " on " + backendId + ": key prefix '"
                    + keyPrefix + "' must be relative, without a leading or trailing '/'");
        }
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updated, "updated");
    }
}
