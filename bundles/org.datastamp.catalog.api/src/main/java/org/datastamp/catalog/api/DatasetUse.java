package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A dataset with when it was last used (its last recorded access, or its registration) and the bytes of its files:
 * what the lifecycle engine needs to pick the least recently used datasets off a full tier. Added in 2.3.
 */
public record DatasetUse(DatasetId id, Instant lastUse, long bytes) {

    public DatasetUse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lastUse, "lastUse");
    }
}
