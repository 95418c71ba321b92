package org.datastamp.useroffice.api;

import java.util.Objects;
import java.util.Set;

/**
 * A block allocation group: beamtime granted to a proposal on an instrument, used by several sessions.
 *
 * @param id         allocation id
 * @param proposalId the proposal
 * @param instrument the instrument
 * @param title      title, e.g. {@code BAG 2026 cycle 1}
 * @param shifts     shifts granted (8 hours each)
 * @param sessionIds the sessions under it; each belongs to at most one allocation
 */
public record Allocation(String id, String proposalId, String instrument, String title, int shifts,
        Set<String> sessionIds) {

    public Allocation {
        Records.requireId("allocation id", id);
        Records.requireId("proposal id of allocation " + id, proposalId);
        Records.requireId("instrument of allocation " + id, instrument);
        title = title == null ? "" : title;
        if (shifts < 0) {
            throw new IllegalArgumentException("Allocation '" + id + "' has negative shifts " + shifts);
        }
        sessionIds = Set.copyOf(Objects.requireNonNull(sessionIds, "sessionIds"));
        sessionIds.forEach(s -> Records.requireId("session of allocation " + id, s));
    }
}
