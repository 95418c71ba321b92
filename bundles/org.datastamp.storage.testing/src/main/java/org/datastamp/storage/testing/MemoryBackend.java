package org.datastamp.storage.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;

import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.ObjectKey;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;

/**
 * A tier in memory for tests of services that use tiers (fixity, lifecycle), with any id, and a back door to damage
 * or drop copies as bit rot or an operator would. Passes the storage backend contract.
 */
public final class MemoryBackend implements ManagedBackend {

    private final String id;
    private final StorageTier tier;
    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();

    public MemoryBackend(String id, StorageTier tier) {
        this.id = Objects.requireNonNull(id, "id");
        this.tier = Objects.requireNonNull(tier, "tier");
    }

    @Override
    public String capabilityId() {
        return id;
    }

    @Override
    public String displayName() {
        return "Memory tier " + id;
    }

    @Override
    public StorageTier tier() {
        return tier;
    }

    @Override
    public void put(String key, InputStream content) throws StorageException {
        check(key);
        if (objects.containsKey(key)) {
            throw new StorageException("Object '" + key + "' already exists in " + id);
        }
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new StorageException("Could not store '" + key + "' in " + id + ": " + e.getMessage(), e);
        }
        if (objects.putIfAbsent(key, bytes) != null) {
            throw new StorageException("Object '" + key + "' already exists in " + id);
        }
    }

    @Override
    public InputStream get(String key) throws StorageException {
        return new ByteArrayInputStream(bytes(key));
    }

    @Override
    public boolean contains(String key) throws StorageException {
        check(key);
        return objects.containsKey(key);
    }

    @Override
    public ObjectInfo stat(String key) throws StorageException {
        return new ObjectInfo(key, bytes(key).length);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws StorageException {
        return objects.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new ObjectInfo(e.getKey(), e.getValue().length)).toList();
    }

    @Override
    public void delete(String key) throws StorageException {
        check(key);
        if (objects.remove(key) == null) {
            throw new StorageException("No object '" + key + "' in " + id);
        }
    }

    /** Flips one bit of a stored copy, as bit rot would. */
    public void flipBit(String key, long position) {
        byte[] copy = objects.get(key).clone();
        copy[(int) position] ^= 1;
        objects.put(key, copy);
    }

    /** Replaces or removes ({@code null}) a copy behind the tier's back. */
    public void overwrite(String key, byte[] content) {
        if (content == null) {
            objects.remove(key);
        } else {
            objects.put(key, content.clone());
        }
    }

    /** The bytes stored now, or {@code null}. */
    public byte[] peek(String key) {
        byte[] bytes = objects.get(key);
        return bytes == null ? null : bytes.clone();
    }

    private byte[] bytes(String key) throws StorageException {
        check(key);
        byte[] bytes = objects.get(key);
        if (bytes == null) {
            throw new StorageException("No object '" + key + "' in " + id);
        }
        return bytes;
    }

    private void check(String key) throws StorageException {
        try {
            new ObjectKey(key);
        } catch (IllegalArgumentException e) {
            throw new StorageException(id + ": " + e.getMessage(), e);
        }
    }
}
