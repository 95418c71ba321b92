package org.datastamp.storage.api;

import java.nio.file.Path;

/**
 * A tier whose objects are files on a local or mounted file system, so they can be read in place: random access
 * into a large HDF5 file by libhdf5, for instance, instead of streaming it whole through {@link #get}. Added in package
 * version 1.2 as a separate interface, like {@link ManagedBackend}; a reader looks for it with {@code instanceof}.
 */
public interface LocalFileBackend extends StorageBackend {

    /**
     * The file holding the object under {@code key}, to be opened read-only and never modified.
     *
     * @throws ObjectOfflineException if the object must be recalled first (the recall has been requested)
     * @throws StorageException       if there is no such object (the message names the key) or the key is invalid
     */
    Path localFile(String key) throws StorageException;
}
