package org.datastamp.storage.tape;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.ObjectKey;
import org.datastamp.storage.api.ObjectOfflineException;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.StorageException;

/**
 * Objects as files under a tape file system's mount point (LTFS, IBM Storage Archive, an HSM-managed file system).
 * Writing is plain file writing; the tape software migrates files in its own time and leaves stubs. Whether a file
 * is resident is read from its allocated blocks ({@link StubProbe}); recalls run one at a time on the executor the
 * owner supplies, each as one {@link RecallCommand} for all its files so the tape software can order them.
 */
final class TapeMount {

    private final String name;
    private final Path root;
    private final boolean fsync;
    private final RecallCommand recallCommand;
    private final StubProbe probe = new StubProbe();
    private final ExecutorService recaller;
    private final Map<String, Recall> recalls = new ConcurrentHashMap<>();
    private final AtomicLong nextTicket = new AtomicLong(1);
    private final Object publishLock = new Object();

    /** A recall's progress, updated by the recaller thread. */
    private static final class Recall {
        final List<String> keys;
        final List<Path> files;
        volatile RecallState state = RecallState.QUEUED;
        volatile String message = "waiting for earlier recalls";

        Recall(List<String> keys, List<Path> files) {
            this.keys = keys;
            this.files = files;
        }
    }

    TapeMount(String name, Path root, boolean fsync, RecallCommand recallCommand, ExecutorService recaller) {
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
        this.fsync = fsync;
        this.recallCommand = recallCommand;
        this.recaller = recaller;
    }

    Path root() {
        return root;
    }

    void put(String key, InputStream content) throws StorageException {
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
            temp = null;
        } catch (IOException e) {
            throw new StorageException("Could not store '" + key + "' in " + name + " (" + root + "): " + e, e);
        } finally {
            if (temp != null) {
                temp.toFile().delete();
            }
        }
    }

    InputStream get(String key) throws StorageException {
        Path file = onlineFile(key);
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new StorageException("Could not read '" + key + "' from " + name + " (" + root + "): " + e, e);
        }
    }

    /**
     * The object's file once it is resident on disk; a migrated file starts a recall instead, so that a reader never
     * opens a stub (reading a stub would block on the tape drive, or fail, depending on the tape software).
     */
    Path onlineFile(String key) throws StorageException {
        Path file = existing(key);
        if (!isOnline(key)) {
            RecallTicket ticket = requestRecall(List.of(key));
            throw new ObjectOfflineException(key, ticket, "Object '" + key + "' in " + name + " is migrated to tape;"
                    + " recall " + ticket.id() + " requested");
        }
        return file;
    }

    boolean contains(String key) throws StorageException {
        return Files.isRegularFile(resolve(key));
    }

    ObjectInfo stat(String key) throws StorageException {
        try {
            return new ObjectInfo(key, Files.size(existing(key)));
        } catch (IOException e) {
            throw new StorageException("Could not read the size of '" + key + "' in " + name + ": " + e, e);
        }
    }

    List<ObjectInfo> list(String prefix) throws StorageException {
        if (prefix == null || prefix.startsWith("/") || prefix.contains("..")) {
            throw new StorageException(name + ": list prefix '" + prefix + "' must be relative without '..'");
        }
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString())
                    .filter(k -> k.startsWith(prefix) && !hidden(k))
                    .sorted()
                    .map(k -> new ObjectInfo(k, root.resolve(k).toFile().length()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException("Could not list '" + prefix + "' in " + name + " (" + root + "): " + e, e);
        }
    }

    /** Deletes one object; callers delete only once a verified second copy exists. */
    void delete(String key) throws StorageException {
        try {
            Files.delete(resolve(key));
        } catch (NoSuchFileException e) {
            throw missing(key);
        } catch (IOException e) {
            throw new StorageException("Could not delete '" + key + "' from " + name + " (" + root + "): " + e, e);
        }
    }

    boolean isOnline(String key) throws StorageException {
        return probe.resident(List.of(existing(key))).get(0);
    }

    RecallTicket requestRecall(Collection<String> keys) throws StorageException {
        List<String> unique = List.copyOf(new LinkedHashSet<>(keys));
        List<Path> files = new ArrayList<>();
        for (String key : unique) {
            files.add(existing(key));
        }
        RecallTicket ticket = new RecallTicket(name + "-recall-" + nextTicket.getAndIncrement());
        Recall recall = new Recall(unique, files);
        recalls.put(ticket.id(), recall);
        try {
            recaller.execute(() -> run(recall));
        } catch (RejectedExecutionException e) {
            recalls.remove(ticket.id());
            throw new StorageException(name + ": too many recalls waiting, or the tier is shutting down; try again"
                    + " later", e);
        }
        return ticket;
    }

    RecallStatus recallStatus(RecallTicket ticket) throws StorageException {
        Recall recall = recalls.get(ticket.id());
        if (recall == null) {
            throw new StorageException(name + ": unknown recall ticket '" + ticket.id()
                    + "' (tickets are forgotten on restart)");
        }
        RecallState state = recall.state;
        int total = recall.keys.size();
        int done = state == RecallState.ONLINE ? total
                : (int) probe.resident(recall.files).stream().filter(Boolean::booleanValue).count();
        return new RecallStatus(ticket, state, state == RecallState.FAILED ? Math.min(done, total) : done, total,
                null, recall.message);
    }

    private void run(Recall recall) {
        recall.state = RecallState.STAGING;
        recall.message = "recalling " + recall.files.size() + " files";
        try {
            recallCommand.recall(recall.files);
            List<Boolean> resident = recallCommand.readsFiles() ? null : probe.resident(recall.files);
            List<String> still = new ArrayList<>();
            for (int i = 0; resident != null && i < resident.size(); i++) {
                if (!resident.get(i)) {
                    still.add(recall.keys.get(i));
                }
            }
            if (still.isEmpty()) {
                recall.message = recall.keys.size() + " objects online in " + name;
                recall.state = RecallState.ONLINE;
            } else {
                recall.message = "The recall command finished but these objects are still migrated: " + still;
                recall.state = RecallState.FAILED;
            }
        } catch (StorageException | RuntimeException e) {
            recall.message = e.getMessage();
            recall.state = RecallState.FAILED;
        }
    }

    private static boolean hidden(String key) {
        return Stream.of(key.split("/")).anyMatch(s -> s.startsWith("."));
    }

    private Path existing(String key) throws StorageException {
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) {
            throw missing(key);
        }
        return file;
    }

    private StorageException missing(String key) {
        return new StorageException("No object '" + key + "' in " + name + " (" + root + ")");
    }

    private void refuseExisting(String key, Path target) throws StorageException {
        if (Files.exists(target)) {
            throw new StorageException("Object '" + key + "' already exists in " + name + " (" + root
                    + "); stored objects are never replaced");
        }
    }

    private Path resolve(String key) throws StorageException {
        try {
            return root.resolve(new ObjectKey(key).value());
        } catch (IllegalArgumentException e) {
            throw new StorageException(name + ": " + e.getMessage(), e);
        }
    }
}
