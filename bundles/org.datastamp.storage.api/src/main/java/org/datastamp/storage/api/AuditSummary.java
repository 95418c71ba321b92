package org.datastamp.storage.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Totals of one audit run (a full pass or a single object).
 *
 * @param started       when the run began
 * @param finished      when it ended
 * @param objects       objects checked
 * @param copies        copies checked (an object has one per tier that should hold it)
 * @param bytesRead     bytes read from the tiers to compute checksums
 * @param ok            copies that matched
 * @param repaired      copies rewritten from a good copy
 * @param failed        copies corrupt or missing that could not be repaired
 * @param unreadable    copies that could not be read now (offline, tier unreachable)
 */
public record AuditSummary(Instant started, Instant finished, long objects, long copies, long bytesRead, long ok,
        long repaired, long failed, long unreadable) {

    public AuditSummary {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
    }
}
