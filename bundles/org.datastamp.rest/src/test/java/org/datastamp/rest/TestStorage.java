package org.datastamp.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.ObjectOfflineException;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;

/** Storage tiers over a folder: a disk that is always online, and a tape whose objects must be recalled first. */
final class TestStorage {

    private TestStorage() {
    }

    static class Disk implements StorageBackend {
        final Path root;
        final String id;

        Disk(String id, Path root) {
            this.id = id;
            this.root = root;
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
            return StorageTier.HOT_DISK;
        }

        @Override
        public void put(String key, InputStream content) throws StorageException {
            try {
                Files.createDirectories(root.resolve(key).getParent());
                Files.copy(content, root.resolve(key));
            } catch (IOException e) {
                throw new StorageException(e.getMessage());
            }
        }

        @Override
        public InputStream get(String key) throws StorageException {
            try {
                return Files.newInputStream(root.resolve(key));
            } catch (IOException e) {
                throw new StorageException("No object " + key);
            }
        }

        @Override
        public boolean contains(String key) {
            return Files.exists(root.resolve(key));
        }
    }

    static final class Tape extends Disk implements RecallableBackend {
        final Set<String> online = new HashSet<>();
        final Set<String> recalled = new HashSet<>();

        Tape(Path root) {
            super("tape", root);
        }

        @Override
        public StorageTier tier() {
            return StorageTier.TAPE;
        }

        @Override
        public InputStream get(String key) throws StorageException {
            if (!online.contains(key)) {
                recalled.add(key);
                throw new ObjectOfflineException(key, new RecallTicket("t-" + key), key + " is on tape");
            }
            return super.get(key);
        }

        @Override
        public boolean isOnline(String key) {
            return online.contains(key);
        }

        @Override
        public RecallTicket requestRecall(Collection<String> keys) {
            recalled.addAll(keys);
            return new RecallTicket("t-1");
        }

        @Override
        public RecallStatus recallStatus(RecallTicket ticket) {
            return new RecallStatus(ticket, RecallState.QUEUED, 0, recalled.size(), Instant.parse("2030-01-01T00:00:00Z"),
                    "waiting for a drive");
        }

        @Override
        public ObjectInfo stat(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ObjectInfo> list(String prefix) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {
            throw new UnsupportedOperationException();
        }
    }
}
