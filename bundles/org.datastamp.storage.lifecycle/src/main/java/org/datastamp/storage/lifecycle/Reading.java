package org.datastamp.storage.lifecycle;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;

/**
 * Reads objects for copying and verifying, recalling them first from a tier that needs it: the engine reads a tape
 * copy (as a copy source, or to verify what it just wrote) only after one recall request for all the keys, so the
 * library can order it by cartridge.
 */
final class Reading {

    private final Clock clock;
    private final Duration recallWait;

    Reading(Clock clock, Duration recallWait) {
        this.clock = clock;
        this.recallWait = recallWait;
    }

    /** Brings the keys online if the backend needs it; returns when all are readable. */
    void makeOnline(StorageBackend backend, Collection<String> keys) throws StorageException {
        makeOnline(backend, keys, ticket -> { });
    }

    /** As {@link #makeOnline(StorageBackend, Collection)}, telling {@code requested} the backend's ticket. */
    void makeOnline(StorageBackend backend, Collection<String> keys, Consumer<RecallTicket> requested)
            throws StorageException {
        if (!(backend instanceof RecallableBackend tape)) {
            return;
        }
        List<String> offline = new java.util.ArrayList<>();
        for (String key : keys) {
            if (!tape.isOnline(key)) {
                offline.add(key);
            }
        }
        if (offline.isEmpty()) {
            return;
        }
        RecallTicket ticket = tape.requestRecall(offline);
        requested.accept(ticket);
        Instant deadline = clock.instant().plus(recallWait);
        while (true) {
            RecallStatus status = tape.recallStatus(ticket);
            if (status.state() == RecallState.ONLINE) {
                return;
            }
            if (status.state() == RecallState.FAILED) {
                throw new StorageException("Recall " + ticket.id() + " of " + offline.size() + " objects from "
                        + backend.capabilityId() + " failed: " + status.message());
            }
            if (clock.instant().isAfter(deadline)) {
                throw new StorageException("Recall " + ticket.id() + " of " + offline.size() + " objects from "
                        + backend.capabilityId() + " is not done after " + recallWait + " (" + status.keysDone()
                        + " online); raise recallWaitMinutes or check the library");
            }
            pause(status);
        }
    }

    /**
     * Opens an object, recalling it first if needed. An object can drop out of a drive cache between "online" and the
     * read (another recall needed the space): it is recalled again, a few times.
     */
    InputStream open(StorageBackend backend, String key) throws StorageException {
        for (int attempt = 1;; attempt++) {
            makeOnline(backend, List.of(key));
            try {
                return backend.get(key);
            } catch (org.datastamp.storage.api.ObjectOfflineException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Polls no faster than every 20 ms and no slower than every 500 ms, nearer the ETA when one is given. */
    private void pause(RecallStatus status) throws StorageException {
        long millis = 200;
        if (status.eta() != null) {
            millis = Math.max(20, Math.min(500, Duration.between(clock.instant(), status.eta()).toMillis()));
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting for recall " + status.ticket().id());
        }
    }
}
