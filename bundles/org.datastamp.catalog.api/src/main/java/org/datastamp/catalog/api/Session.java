package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A beamtime: a visit of a proposal on an instrument.
 *
 * @param id         session id
 * @param proposalId the proposal
 * @param instrument the instrument id
 * @param start      scheduled start
 * @param end        scheduled end
 */
public record Session(String id, String proposalId, String instrument, Instant start, Instant end) {

    public Session {
        Ids.require("session id", id);
        Ids.require("proposal id of session " + id, proposalId);
        Ids.require("instrument of session " + id, instrument);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Session '" + id + "' ends before it starts");
        }
    }
}
