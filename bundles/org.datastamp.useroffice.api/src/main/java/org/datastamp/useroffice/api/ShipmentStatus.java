package org.datastamp.useroffice.api;

import java.util.Set;

/** The lifecycle of a mail-in shipment: created, sent, received, measured, then returned or disposed. */
public enum ShipmentStatus {
    CREATED, SENT, RECEIVED, MEASURED, RETURNED, DISPOSED;

    /** The statuses this one may move to. */
    public Set<ShipmentStatus> next() {
        return switch (this) {
            case CREATED -> Set.of(SENT);
            case SENT -> Set.of(RECEIVED);
            case RECEIVED -> Set.of(MEASURED);
            case MEASURED -> Set.of(RETURNED, DISPOSED);
            case RETURNED, DISPOSED -> Set.of();
        };
    }

    /** Whether the proposal's members set this status (sending their parcel); the facility's staff set the rest. */
    public boolean setByUser() {
        return this == SENT;
    }
}
