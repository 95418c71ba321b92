package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What the access rule (see {@link Viewer}) needs to know about a dataset.
 *
 * @param proposalId its proposal, empty if none
 * @param instrument its instrument id
 * @param publicFrom when it becomes public: end time plus the proposal's embargo, or the DOI registration time
 *                   if published earlier
 */
public record DatasetAccess(String proposalId, String instrument, Instant publicFrom) {

    public DatasetAccess {
        proposalId = proposalId == null ? "" : proposalId;
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(publicFrom, "publicFrom");
    }
}
