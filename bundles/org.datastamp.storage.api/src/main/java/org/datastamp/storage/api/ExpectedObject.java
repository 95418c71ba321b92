package org.datastamp.storage.api;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One object as the records say it should be: its size, its checksums and the tiers that must hold a copy.
 *
 * @param key        the object's name in audits and the audit log, and its key on every tier not named in
 *                   {@code keys}
 * @param size       length in bytes
 * @param checksums  digests recorded at ingest
 * @param backendIds capability ids of the {@link StorageBackend}s that must hold a copy (at least one)
 * @param keys       the object's key on tiers where it differs from {@code key} (an archival package stores a
 *                   file under its own layout); empty when the key is the same everywhere. Added in 1.3.
 */
public record ExpectedObject(String key, long size, Checksums checksums, Set<String> backendIds,
        Map<String, String> keys) {

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
        keys = Map.copyOf(keys);
        for (Map.Entry<String, String> e : keys.entrySet()) {
            if (!backendIds.contains(e.getKey())) {
                throw new IllegalArgumentException("Object '" + key + "' names a key on tier '" + e.getKey()
                        + "', which is not among its tiers " + backendIds);
            }
            new ObjectKey(e.getValue());
        }
    }

    /** An object with the same key on every tier. */
    public ExpectedObject(String key, long size, Checksums checksums, Set<String> backendIds) {
        this(key, size, checksums, backendIds, Map.of());
    }

    /** The object's key on one tier. */
    public String keyOn(String backendId) {
        return keys.getOrDefault(backendId, key);
    }
}
