package org.datastamp.ui.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.datastamp.storage.api.Capacity;
import org.datastamp.storage.api.PolicyStatus;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.StorageTier;
import org.datastamp.storage.api.TierPlan;
import org.junit.jupiter.api.Test;

class StorageFormatTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    @Test
    void sizesAreDecimalWithThreeSignificantFiguresAtMost() {
        assertEquals("0 B", StorageFormat.bytes(0));
        assertEquals("999 B", StorageFormat.bytes(999));
        assertEquals("1.50 kB", StorageFormat.bytes(1500));
        assertEquals("12.3 TB", StorageFormat.bytes(12_345_000_000_000L));
        assertEquals("1.00 PB", StorageFormat.bytes(999_999_999_999_999L));
        assertEquals("123 GB", StorageFormat.bytes(123_400_000_000L));
        assertEquals("-", StorageFormat.bytes(-1));
    }

    @Test
    void etasCountDownInTheLargestUsefulUnit() {
        assertEquals("-", StorageFormat.eta(null, NOW));
        assertEquals("due now", StorageFormat.eta(NOW.minusSeconds(5), NOW));
        assertEquals("in 40 s", StorageFormat.eta(NOW.plusSeconds(40), NOW));
        assertEquals("in 12 min", StorageFormat.eta(NOW.plusSeconds(12 * 60 + 5), NOW));
        assertEquals("in 2 h 5 min", StorageFormat.eta(NOW.plusSeconds(2 * 3600 + 5 * 60), NOW));
        assertEquals("in 3 days", StorageFormat.eta(NOW.plusSeconds(3 * 86400 + 60), NOW));
    }

    @Test
    void tiersShowUseOfTheirMediumOrSayItIsUnknown() {
        TierPlan known = new TierPlan("hot-disk", StorageTier.HOT_DISK, new Capacity(20_000_000_000_000L,
                14_000_000_000_000L), 0, 0, 0, 0, 0, null, "");
        assertEquals(70, StorageFormat.usedPercent(known));
        assertEquals("14.0 TB of 20.0 TB used (70 %)", StorageFormat.capacity(known));
        TierPlan unknown = new TierPlan("s3", StorageTier.CLOUD, null, 0, 0, 0, 0, 0, null, "");
        assertEquals(0, StorageFormat.usedPercent(unknown));
        assertEquals("capacity unknown", StorageFormat.capacity(unknown));
    }

    @Test
    void aPolicyIsAsSettledAsItsDatasetsWithoutPendingSteps() {
        assertEquals(75, StorageFormat.policyProgress(new PolicyStatus("cold", true, "r", 12, 3, NOW, "")));
        assertEquals(0, StorageFormat.policyProgress(new PolicyStatus("cold", true, "r", 2, 5, NOW, "")));
        assertEquals(100, StorageFormat.policyProgress(new PolicyStatus("cold", true, "r", 0, 0, null, "")));
        assertEquals(0, StorageFormat.policyProgress(new PolicyStatus("typo", false, "unknown key", 0, 0, null, "")));
        assertEquals("12 datasets, 3 pending steps, last round 2026-06-15 12:00; last error: tape offline",
                StorageFormat.policyLine(new PolicyStatus("cold", true, "r", 12, 3, NOW, "tape offline")));
        assertEquals("INVALID: unknown key 'moveTo '",
                StorageFormat.policyLine(new PolicyStatus("typo", false, "unknown key 'moveTo '", 0, 0, null, "")));
    }

    @Test
    void recallProgressCountsDatasetsOnline() {
        assertEquals(33, StorageFormat.recallProgress(new RecallStatus(new RecallTicket("t"), RecallState.STAGING, 1,
                3, null, "")));
    }

    @Test
    void moneyAndTestIds() {
        assertEquals("1,234.50 EUR", StorageFormat.money(1234.5, "EUR"));
        assertEquals("storage-tier-tape-sim-1", StorageFormat.testId("storage-tier", "Tape_Sim.1"));
    }
}
