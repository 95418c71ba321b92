package org.datastamp.storage.api;

import java.util.Objects;

/**
 * The object exists but sits on a medium that must be mounted first. The backend has already requested a recall:
 * poll {@link RecallableBackend#recallStatus} with {@link #ticket()} and read again when it is online.
 */
public class ObjectOfflineException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final RecallTicket ticket;

    public ObjectOfflineException(String key, RecallTicket ticket, String message) {
        super(message);
        this.key = Objects.requireNonNull(key, "key");
        this.ticket = Objects.requireNonNull(ticket, "ticket");
    }

    /** The object that is not online. */
    public String key() {
        return key;
    }

    /** The recall started for it. */
    public RecallTicket ticket() {
        return ticket;
    }
}
