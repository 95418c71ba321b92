package org.datastamp.storage.fixity;

import java.io.InputStream;
import java.util.List;

import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;

/** Forwards to another tier; tests override single methods to make it misbehave. */
class MemoryBackendView implements ManagedBackend {

    private final ManagedBackend target;

    MemoryBackendView(ManagedBackend target) {
        this.target = target;
    }

    @Override
    public String capabilityId() {
        return target.capabilityId();
    }

    @Override
    public String displayName() {
        return target.displayName();
    }

    @Override
    public StorageTier tier() {
        return target.tier();
    }

    @Override
    public void put(String key, InputStream content) throws StorageException {
        target.put(key, content);
    }

    @Override
    public InputStream get(String key) throws StorageException {
        return target.get(key);
    }

    @Override
    public boolean contains(String key) throws StorageException {
        return target.contains(key);
    }

    @Override
    public ObjectInfo stat(String key) throws StorageException {
        return target.stat(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws StorageException {
        return target.list(prefix);
    }

    @Override
    public void delete(String key) throws StorageException {
        target.delete(key);
    }
}
