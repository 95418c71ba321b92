package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A file belonging to a dataset.
 *
 * @param path              path relative to the dataset's location
 * @param size              bytes
 * @param checksumAlgorithm e.g. {@code SHA-256}
 * @param checksum          lower-case hex digest
 * @param modified          last modification time
 */
public record Datafile(String path, long size, String checksumAlgorithm, String checksum, Instant modified) {

    public Datafile {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("Datafile path must be relative and inside its dataset, got '" + path + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("Datafile " + path + " has negative size " + size);
        }
        Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(modified, "modified");
    }
}
