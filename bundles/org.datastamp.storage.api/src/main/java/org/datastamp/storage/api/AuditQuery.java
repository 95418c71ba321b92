package org.datastamp.storage.api;

import java.time.Instant;
import java.util.Set;

/**
 * Which audit log entries to return, newest first.
 *
 * @param since     only entries at or after this instant; {@code null} for no lower bound
 * @param keyPrefix only entries whose key starts with this; empty for all
 * @param outcomes  only these outcomes; empty for all
 * @param limit     at most this many entries, at least 1
 */
public record AuditQuery(Instant since, String keyPrefix, Set<AuditOutcome> outcomes, int limit) {

    public AuditQuery {
        keyPrefix = keyPrefix == null ? "" : keyPrefix;
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
        if (limit < 1) {
            throw new IllegalArgumentException("An audit query needs a limit of at least 1, not " + limit);
        }
    }

    /** The newest {@code limit} entries of any kind. */
    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, "", Set.of(), limit);
    }
}
