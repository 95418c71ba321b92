package org.datastamp.storage.lifecycle;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.datastamp.storage.api.ObjectOfflineException;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;

/**
 * A tape-like backend for engine tests: written objects go offline (as on a library that writes straight to tape),
 * a recall request is STAGING at its first status call and ONLINE at the second. Counts recall requests.
 */
class FolderTape extends FolderBackend implements RecallableBackend {

    private final Set<String> online = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> requests = new ConcurrentHashMap<>();
    private final Map<String, Integer> polls = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    /** While set, recall requests stay STAGING (a library busy with other work). */
    volatile boolean hold;
    final List<List<String>> recallRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

    FolderTape(String id, Path root) {
        super(id, root, StorageTier.TAPE);
    }

    @Override
    public void put(String key, InputStream content) throws StorageException {
        super.put(key, content);
        online.remove(key);
    }

    @Override
    public InputStream get(String key) throws StorageException {
        if (!online.contains(key)) {
            throw new ObjectOfflineException(key, requestRecall(List.of(key)), key + " is on tape");
        }
        return super.get(key);
    }

    @Override
    public boolean isOnline(String key) {
        return online.contains(key);
    }

    /** Forgets its recall tickets, as a library's service does when it restarts. */
    void forgetTickets() {
        requests.clear();
        polls.clear();
    }

    /** Drops every object from the drive cache, as after the retention time. */
    void evictAll() {
        online.clear();
    }

    @Override
    public RecallTicket requestRecall(Collection<String> keys) throws StorageException {
        for (String key : keys) {
            if (!contains(key)) {
                throw new StorageException(id + ": no " + key);
            }
        }
        String ticket = id + "-" + next.incrementAndGet();
        requests.put(ticket, List.copyOf(keys));
        recallRequests.add(List.copyOf(keys));
        return new RecallTicket(ticket);
    }

    @Override
    public RecallStatus recallStatus(RecallTicket ticket) throws StorageException {
        List<String> keys = requests.get(ticket.id());
        if (keys == null) {
            throw new StorageException("no ticket " + ticket.id());
        }
        if (hold) {
            return new RecallStatus(ticket, RecallState.STAGING, 0, keys.size(), null, "waiting for a drive");
        }
        int n = polls.merge(ticket.id(), 1, Integer::sum);
        if (n >= 2) {
            online.addAll(keys);
            return new RecallStatus(ticket, RecallState.ONLINE, keys.size(), keys.size(), null, "online");
        }
        return new RecallStatus(ticket, RecallState.STAGING, 0, keys.size(), null, "mounting");
    }
}
