package org.datastamp.storage.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One lifecycle policy as the engine sees it, for admin surfaces.
 *
 * @param name         the policy's name (its configuration file's suffix)
 * @param valid        false when the configuration was refused; {@code summary} then holds the reason
 * @param summary      the rule in words, e.g. "instrument CoSAXS: keep hot-disk; after 30 days without access or
 *                     hot-disk above 85 % move to tape-sim; copy to s3 from ingest; 2 verified copies", or the
 *                     validation error
 * @param datasets     datasets the policy applied to in the last round
 * @param pendingSteps copy or release steps it still wants
 * @param lastRound    when the engine last planned with it; {@code null} before the first round
 * @param lastError    the last step failure under this policy, empty if none
 */
public record PolicyStatus(String name, boolean valid, String summary, int datasets, int pendingSteps,
        Instant lastRound, String lastError) {

    public PolicyStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        lastError = lastError == null ? "" : lastError;
    }
}
