package org.datastamp.storage.api;

import java.io.InputStream;

import org.datastamp.core.api.Capability;

/**
 * One storage tier instance. Objects are addressed by a relative key such as
 * {@code 2026/scan-000042/scan-000042.nxs}; keys never start with '/' and never contain '..'.
 */
public interface StorageBackend extends Capability {

    /** The medium this backend writes to. */
    StorageTier tier();

    /** Stores the stream's bytes under {@code key}, replacing nothing: an existing key is an error. */
    void put(String key, InputStream content) throws StorageException;

    /** Opens the object for reading. */
    InputStream get(String key) throws StorageException;

    /** Whether an object is stored under {@code key}. */
    boolean contains(String key) throws StorageException;
}
