package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a storage policy asks of the datasets it covers, in the terms the catalogue can check in one query, so the
 * lifecycle engine reads only the datasets with something to do instead of every dataset each round. Added in
 * package version 2.3.
 *
 * @param instrument          only datasets of this instrument; empty for any
 * @param proposalId          only datasets of this proposal; empty for any
 * @param excludedInstruments datasets of these instruments are left out (a more specific policy covers them)
 * @param excludedProposals   datasets of these proposals are left out (a more specific policy covers them)
 * @param requiredBackends    backends that must hold a verified copy of each dataset
 * @param hotBackend          backend whose verified copy is due to move once the dataset was last used at or
 *                            before {@code lastUseBefore}; empty for none
 * @param lastUseBefore       the threshold for {@code hotBackend}; {@code null} when no move is due by age
 */
public record CopyRule(String instrument, String proposalId, List<String> excludedInstruments,
        List<String> excludedProposals, List<String> requiredBackends, String hotBackend, Instant lastUseBefore) {

    public CopyRule {
        instrument = Objects.requireNonNullElse(instrument, "");
        proposalId = Objects.requireNonNullElse(proposalId, "");
        excludedInstruments = List.copyOf(excludedInstruments);
        excludedProposals = List.copyOf(excludedProposals);
        requiredBackends = List.copyOf(requiredBackends);
        hotBackend = Objects.requireNonNullElse(hotBackend, "");
    }
}
