package org.datastamp.storage.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A recall request as admin pages list it.
 *
 * @param requested when it was asked for
 * @param requester who asked
 * @param status    where it stands now
 */
public record RecallRequest(Instant requested, String requester, RecallStatus status) {

    public RecallRequest {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(status, "status");
    }
}
