package org.datastamp.storage.api;

import java.util.Objects;
import java.util.Set;

/**
 * One object as the records say it should be: its size, its checksums and the tiers that must hold a copy.
 *
 * @param key        object key, the same on every tier
 * @param size       length in bytes
 * @param checksums  digests recorded at ingest
 * @param backendIds capability ids of the {@link StorageBackend}s that must hold a copy (at least one)
 */
public record ExpectedObject(String key, long size, Checksums checksums, Set<String> backendIds) {

    public ExpectedObject {
        key = new ObjectKey(key).value();
        Objects.requireNonNull(checksums, "checksums");
        if (size < 0) {
            throw new IllegalArgumentException("Object '" + key + "' cannot have a negative size: " + size);
        }
        backendIds = Set.copyOf(backendIds);
        if (backendIds.isEmpty()) {
            throw new IllegalArgumentException("Object '" + key + "' must be expected on at least one tier");
        }
    }
}
