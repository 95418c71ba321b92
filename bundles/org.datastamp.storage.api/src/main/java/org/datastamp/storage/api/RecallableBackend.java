package org.datastamp.storage.api;

import java.util.Collection;

/**
 * A tier whose objects are not always readable at once: tape behind a library robot, or files an HSM has migrated
 * to tape leaving a stub. Reading is a two-step affair, as with ICAT IDS prepareData / getStatus / getData:
 * request a recall of many keys at once (so the backend can order them by cartridge and position), poll its status,
 * then {@link #get} the keys.
 * <p>
 * {@link #get} on an object that is not online does not block for minutes: it requests a recall of that key and
 * throws {@link ObjectOfflineException} carrying the ticket.
 */
public interface RecallableBackend extends ManagedBackend {

    /** Whether {@code key} can be read now without a recall. */
    boolean isOnline(String key) throws StorageException;

    /**
     * Asks for the keys to be brought online. Keys already online count as done. Returns at once.
     *
     * @throws StorageException if a key is invalid or names no object (the message names it); nothing is requested
     *                          then
     */
    RecallTicket requestRecall(Collection<String> keys) throws StorageException;

    /**
     * Current state of a request.
     *
     * @throws StorageException if this backend issued no such ticket (or has forgotten it after a restart)
     */
    RecallStatus recallStatus(RecallTicket ticket) throws StorageException;
}
