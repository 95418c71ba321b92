package org.datastamp.storage.api;

import java.util.List;

/**
 * A tier that can also describe, enumerate and remove what it holds: what migration between tiers needs beyond
 * {@link StorageBackend}'s put/get/contains. Added in package version 1.1 as a separate interface so that existing
 * backends keep compiling; a migration service looks for it with {@code instanceof}.
 */
public interface ManagedBackend extends StorageBackend {

    /**
     * Size of the object under {@code key}.
     *
     * @throws StorageException if there is no such object (the message names the key) or the key is invalid
     */
    ObjectInfo stat(String key) throws StorageException;

    /**
     * The objects whose key starts with {@code prefix}, sorted by key. An empty prefix lists everything; a prefix
     * is matched as text, so {@code raw/2026/scan-1} matches {@code raw/2026/scan-12/a.nxs}.
     */
    List<ObjectInfo> list(String prefix) throws StorageException;

    /**
     * Removes the object under {@code key} for good.
     * <p>
     * Callers must only delete an object after a second copy of it has been written to another tier and verified
     * (read back and its checksum compared): no backend keeps a trash can. Deleting a missing key is an error, so a
     * migration that lost track of an object notices.
     */
    void delete(String key) throws StorageException;
}
