package org.datastamp.storage.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.datastamp.storage.api.Capacity;
import org.datastamp.storage.api.CapacityAware;
import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.ObjectKey;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;

/** A plain backend over a folder for engine tests, with a capacity the test sets. */
class FolderBackend implements ManagedBackend, CapacityAware {

    final String id;
    final Path root;
    final StorageTier tier;
    volatile Capacity capacity = new Capacity(1_000_000_000L, 1000);
    /** When set, every put stores this byte at offset 0 instead of the real one: silent corruption. */
    volatile boolean corruptWrites;

    FolderBackend(String id, Path root, StorageTier tier) {
        this.id = id;
        this.root = root;
        this.tier = tier;
    }

    @Override
    public String capabilityId() {
        return id;
    }

    @Override
    public String displayName() {
        return id;
    }

    @Override
    public StorageTier tier() {
        return tier;
    }

    Path file(String key) {
        return root.resolve(new ObjectKey(key).value());
    }

    @Override
    public void put(String key, InputStream content) throws StorageException {
        Path target = file(key);
        if (Files.exists(target)) {
            throw new StorageException(id + ": " + key + " exists");
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".put", ".part");
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            if (corruptWrites && Files.size(temp) > 0) {
                byte[] bytes = Files.readAllBytes(temp);
                bytes[0] ^= 1;
                Files.write(temp, bytes);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StorageException(id + ": cannot put " + key + ": " + e, e);
        }
    }

    @Override
    public InputStream get(String key) throws StorageException {
        try {
            return Files.newInputStream(file(key));
        } catch (IOException e) {
            throw new StorageException(id + ": no " + key, e);
        }
    }

    @Override
    public boolean contains(String key) {
        return Files.isRegularFile(file(key));
    }

    @Override
    public ObjectInfo stat(String key) throws StorageException {
        try {
            return new ObjectInfo(key, Files.size(file(key)));
        } catch (IOException e) {
            throw new StorageException(id + ": no " + key, e);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws StorageException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(k -> k.startsWith(prefix) && !k.contains("/.") && !k.startsWith("."))
                    .sorted().map(k -> new ObjectInfo(k, file(k).toFile().length())).toList();
        } catch (IOException e) {
            throw new StorageException(id + ": cannot list", e);
        }
    }

    @Override
    public void delete(String key) throws StorageException {
        try {
            Files.delete(file(key));
        } catch (IOException e) {
            throw new StorageException(id + ": cannot delete " + key, e);
        }
    }

    @Override
    public Capacity capacity() {
        return capacity;
    }

    /** Keys of every object stored, for "nothing left over" assertions. */
    List<String> keys() throws StorageException {
        return list("").stream().map(ObjectInfo::key).toList();
    }
}
