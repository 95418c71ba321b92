package org.datastamp.storage.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the fixity audit log.
 *
 * @param time      when it was found or done
 * @param key       the object
 * @param backendId capability id of the tier holding the copy
 * @param outcome   what was found or done
 * @param detail    human-readable detail (expected and found checksums, the error, the source of a repair); never
 *                  {@code null}
 */
public record AuditEvent(Instant time, String key, String backendId, AuditOutcome outcome, String detail) {

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(backendId, "backendId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
