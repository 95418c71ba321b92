package org.datastamp.storage.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a recall request stands.
 *
 * @param ticket    the request
 * @param state     overall state
 * @param keysDone  keys of the request that are online now
 * @param keysTotal keys in the request
 * @param eta       when the backend expects the whole request to be online; {@code null} if it cannot tell
 * @param message   human-readable detail (e.g. which key failed and why); never {@code null}
 */
public record RecallStatus(RecallTicket ticket, RecallState state, int keysDone, int keysTotal, Instant eta,
        String message) {

    public RecallStatus {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        if (keysTotal < 0 || keysDone < 0 || keysDone > keysTotal) {
            throw new IllegalArgumentException("Recall " + ticket.id() + ": keys done " + keysDone
                    + " must be between 0 and the total " + keysTotal);
        }
    }
}
