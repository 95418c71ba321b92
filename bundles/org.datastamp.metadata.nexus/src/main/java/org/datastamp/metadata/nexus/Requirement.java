package org.datastamp.metadata.nexus;

import java.util.List;

/**
 * One thing a definition needs from the recorded metadata.
 *
 * @param quantities the quantities concerned
 * @param kind       how they are needed
 */
record Requirement(List<Quantity> quantities, Kind kind) {

    enum Kind {
        /** Any one of the quantities must be recorded (e.g. the wavelength or the beam energy). */
        ONE_OF,
        /** Recording is optional; when recorded, all of them must be (e.g. a rotation's start and increment). */
        ALL_OR_NONE
    }

    Requirement {
        quantities = List.copyOf(quantities);
        if (quantities.isEmpty()) {
            throw new IllegalArgumentException("A requirement needs at least one quantity");
        }
    }

    static Requirement required(Quantity quantity) {
        return new Requirement(List.of(quantity), Kind.ONE_OF);
    }

    static Requirement oneOf(Quantity... quantities) {
        return new Requirement(List.of(quantities), Kind.ONE_OF);
    }

    static Requirement allOrNone(Quantity... quantities) {
        return new Requirement(List.of(quantities), Kind.ALL_OR_NONE);
    }
}
