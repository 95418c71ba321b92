package org.datastamp.storage.api;

import java.util.Objects;

/**
 * What a tier knows about one stored object without reading it.
 *
 * @param key  the object's key
 * @param size length in bytes, never negative
 */
public record ObjectInfo(String key, long size) {

    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        if (size < 0) {
            throw new IllegalArgumentException("Object '" + key + "' cannot have a negative size: " + size);
        }
    }
}
