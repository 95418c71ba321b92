package org.datastamp.storage.disk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.datastamp.storage.api.Capacity;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.StorageException;

/**
 * Objects as files under a root directory, written so that a key either holds a complete object or nothing: bytes
 * go to a hidden temporary file beside the target, are flushed to the device, then renamed into place. Keys are
 * never overwritten.
 */
final class DiskStore {

    private final String name;
    private final Path root;
    private final boolean fsync;
    /** Makes "is the key free?" and "rename into place" one step within this process (rename would replace). */
    private final Object publishLock = new Object();

    /**
     * @param name  backend id used in messages
     * @param root  directory holding the objects; created if missing
     * @param fsync flush each object to the device before it becomes visible
     */
    DiskStore(String name, Path root, boolean fsync) {
        this.name = Objects.requireNonNull(name, "name");
        this.root = root.toAbsolutePath().normalize();
        this.fsync = fsync;
    }

    Path root() {
        return root;
    }

    void put(String key, InputStream content) throws StorageException {
        Objects.requireNonNull(content, "content");
        Path target = resolve(key);
        refuseExisting(key, target);
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.transferTo(out);
                if (fsync) {
                    channel.force(true);
                }
            }
            synchronized (publishLock) {
                refuseExisting(key, target);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | StorageException | RuntimeException e) {
            StorageException failure = e instanceof StorageException se ? se
                    : new StorageException("Could not store '" + key + "' in " + name + " (" + root + "): " + e, e);
            deleteLeftover(temp, failure);
            throw failure;
        }
    }

    InputStream get(String key) throws StorageException {
        Path file = resolve(key);
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw missing(key, e);
            }
            throw new StorageException("Could not read '" + key + "' from " + name + " (" + root + "): " + e, e);
        }
    }

    /** The file of an existing object, for reading in place. */
    Path file(String key) throws StorageException {
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) {
            throw missing(key, null);
        }
        return file;
    }

    boolean contains(String key) throws StorageException {
        return Files.isRegularFile(resolve(key));
    }

    ObjectInfo stat(String key) throws StorageException {
        Path file = resolve(key);
        try {
            if (!Files.isRegularFile(file)) {
                throw missing(key, null);
            }
            return new ObjectInfo(key, Files.size(file));
        } catch (IOException e) {
            throw new StorageException("Could not read the size of '" + key + "' in " + name + " (" + root + "): "
                    + e, e);
        }
    }

    /** Objects whose key starts with {@code prefix}, sorted; hidden temporary files of unfinished puts are skipped. */
    List<ObjectInfo> list(String prefix) throws StorageException {
        checkPrefix(prefix);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix) && !isHidden(k))
                    .sorted()
                    .map(k -> new ObjectInfo(k, root.resolve(k).toFile().length()))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StorageException("Could not list '" + prefix + "' in " + name + " (" + root + "): " + e, e);
        }
    }

    /** Deletes one object; callers delete only after a verified second copy exists (see ManagedBackend). */
    void delete(String key) throws StorageException {
        Path file = resolve(key);
        try {
            Files.delete(file);
        } catch (NoSuchFileException e) {
            throw missing(key, e);
        } catch (IOException e) {
            throw new StorageException("Could not delete '" + key + "' from " + name + " (" + root + "): " + e, e);
        }
    }

    /** Size and use of the file system holding the root (the root is created if missing, to find it). */
    Capacity capacity() throws StorageException {
        try {
            Files.createDirectories(root);
            FileStore fs = Files.getFileStore(root);
            long total = fs.getTotalSpace();
            return new Capacity(total, Math.max(0, Math.min(total, total - fs.getUsableSpace())));
        } catch (IOException e) {
            throw new StorageException("Could not read the capacity of " + name + " (" + root + "): " + e, e);
        }
    }

    private StorageException missing(String key, Exception cause) {
        return new StorageException("No object '" + key + "' in " + name + " (" + root + ")", cause);
    }

    private static boolean isHidden(String key) {
        for (String segment : key.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private void checkPrefix(String prefix) throws StorageException {
        if (prefix == null || prefix.startsWith("/") || prefix.contains("..") || prefix.contains("\\")) {
            throw new StorageException(name + ": list prefix '" + prefix + "' must be relative and must not contain"
                    + " '..' or a backslash");
        }
    }

    /** The file for {@code key}, after checking the key cannot reach outside the root. */
    Path resolve(String key) throws StorageException {
        if (key == null || key.isBlank()) {
            throw new StorageException(name + ": an object key must not be empty");
        }
        if (key.startsWith("/") || key.startsWith("\\") || Path.of(key).isAbsolute()) {
            throw new StorageException(name + ": key '" + key + "' is absolute; use a path relative to the tier,"
                    + " e.g. raw/2026/scan-000001/scan-000001.nxs");
        }
        if (key.contains("..")) {
            throw new StorageException(name + ": key '" + key + "' contains '..'; keys must stay inside the tier");
        }
        if (key.contains("\\") || key.indexOf('\0') >= 0) {
            throw new StorageException(name + ": key '" + key + "' contains a backslash or NUL; separate folders"
                    + " with '/'");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                throw new StorageException(name + ": key '" + key + "' has an empty folder name or one starting"
                        + " with '.' (reserved for temporary files)");
            }
        }
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new StorageException(name + ": key '" + key + "' does not name a file inside " + root);
        }
        return file;
    }

    private void refuseExisting(String key, Path target) throws StorageException {
        if (Files.exists(target)) {
            throw new StorageException("Object '" + key + "' already exists in " + name + " (" + root
                    + "); stored objects are never replaced");
        }
    }

    /** Removes a half-written temporary file; a failure to do so is attached to the error being reported. */
    private static void deleteLeftover(Path temp, StorageException failure) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(new IOException("Could not remove the temporary file " + temp
                    + "; delete it by hand", e));
        }
    }
}
