package org.datastamp.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CapabilityInfoTest {

    @Test
    void blankIdIsRejectedNamingTheBundle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CapabilityInfo(CapabilityKind.DETECTOR, " ", null, "org.example.plugin", "1.0.0",
                        CapabilityState.ACTIVE));
        assertEquals("A capability needs a non-blank id (bundle org.example.plugin)", e.getMessage());
    }

    @Test
    void missingDisplayNameFallsBackToId() {
        CapabilityInfo info = new CapabilityInfo(CapabilityKind.STORAGE, "disk", "", "b", "1", CapabilityState.ACTIVE);
        assertEquals("disk", info.displayName());
    }
}
