package org.datastamp.useroffice.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A shipment's status change.
 *
 * @param status   the status it got
 * @param time     when
 * @param username who recorded it
 * @param note     remark, empty if none
 */
public record ShipmentEvent(ShipmentStatus status, Instant time, String username, String note) {

    public ShipmentEvent {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(username, "username");
        note = note == null ? "" : note;
    }
}
