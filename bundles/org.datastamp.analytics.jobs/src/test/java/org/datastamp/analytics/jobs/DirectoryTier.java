package org.datastamp.analytics.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.datastamp.storage.api.LocalFileBackend;
import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;

/** A hot tier over a folder, for tests: objects are files under the root, as on the hot-disk tier. */
final class DirectoryTier implements ManagedBackend, LocalFileBackend {

    final Path root;

    DirectoryTier(Path root) {
        this.root = root;
    }

    @Override
    public String capabilityId() {
        return "hot-disk";
    }

    @Override
    public String displayName() {
        return "test hot disk";
    }

    @Override
    public StorageTier tier() {
        return StorageTier.HOT_DISK;
    }

    @Override
    public void put(String key, InputStream content) throws StorageException {
        Path file = root.resolve(key);
        try {
            if (Files.exists(file)) {
                throw new StorageException("Object '" + key + "' already exists");
            }
            Files.createDirectories(file.getParent());
            Files.copy(content, file);
        } catch (IOException e) {
            throw new StorageException("Could not store " + key + ": " + e, e);
        }
    }

    @Override
    public InputStream get(String key) throws StorageException {
        try {
            return Files.newInputStream(root.resolve(key));
        } catch (IOException e) {
            throw new StorageException("No object " + key, e);
        }
    }

    @Override
    public boolean contains(String key) {
        return Files.isRegularFile(root.resolve(key));
    }

    @Override
    public Path localFile(String key) {
        return root.resolve(key);
    }

    @Override
    public ObjectInfo stat(String key) throws StorageException {
        return new ObjectInfo(key, root.resolve(key).toFile().length());
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws StorageException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix)).sorted().map(k -> new ObjectInfo(k, root.resolve(k).toFile()
                            .length())).toList();
        } catch (IOException e) {
            throw new StorageException("Could not list " + prefix, e);
        }
    }

    @Override
    public void delete(String key) throws StorageException {
        try {
            Files.deleteIfExists(root.resolve(key));
        } catch (IOException e) {
            throw new StorageException("Could not delete " + key, e);
        }
    }
}
