package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.datastamp.storage.api.Capacity;
import org.datastamp.storage.api.MonthlyIngest;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.api.StorageTier;
import org.datastamp.storage.api.TierPlan;
import org.junit.jupiter.api.Test;

/** The planning arithmetic on round numbers worked out by hand (docs/decisions/0034). */
class PlanningModelTest {

    static final long TB = 1_000_000_000_000L;
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    // exactly one planning year after the window's start, so the growth is what the months hold
    static final Instant NOW = START.plusSeconds((long) PlanningModel.YEAR_SECONDS);

    /** 10 TB in the catalogue, each byte on hot disk and tape; 2 TB ingested in the last year. */
    static PlanningReport report(double budget, Map<String, Double> prices, Capacity hotCapacity) {
        List<PlanningModel.TierInput> tiers = List.of(
                new PlanningModel.TierInput("hot-disk", StorageTier.HOT_DISK, hotCapacity, 10 * TB, 5, ""),
                new PlanningModel.TierInput("tape", StorageTier.TAPE, null, 10 * TB, 5,
                        "capacity not reported by the backend"));
        List<MonthlyIngest> months = List.of(new MonthlyIngest(YearMonth.of(2025, 1), 3, TB),
                new MonthlyIngest(YearMonth.of(2025, 2), 0, 0), new MonthlyIngest(YearMonth.of(2025, 3), 1, TB));
        return PlanningModel.report(NOW, START, new PlanningModel.Prices("EUR", budget, prices), tiers, 10 * TB,
                months);
    }

    @Test
    void theBudgetAffordsTheYearsBeforeCumulativeCostExceedsCumulativeBudget() {
        // each tier grows 2 TB a year; year k costs (10 + 2k) * 10 + (10 + 2k) * 5 = 150 + 30k; the cumulative cost
        // 150k + 15k(k+1) first exceeds 310k at k = 10
        PlanningReport r = report(310, Map.of("hot-disk", 10.0, "tape", 5.0), new Capacity(20 * TB, 12 * TB));
        assertEquals(2 * TB, r.bytesPerYear());
        assertEquals(2.0, r.copiesPerByte(), 1e-9);
        assertEquals(150.0, r.costPerYear(), 1e-6);
        assertEquals(OptionalInt.of(9), r.affordableYears());
        assertEquals("9 years", r.preservation());
        assertEquals(10, r.projection().size());
        assertEquals(180.0, r.projection().get(0).cost(), 1e-6);
        assertEquals(24 * TB, r.projection().get(0).bytesHeld());
        assertEquals(3150.0, r.projection().get(9).cumulativeCost(), 1e-6);
        assertEquals(3100.0, r.projection().get(9).cumulativeBudget(), 1e-6);
        assertTrue(r.projection().get(9).overBudget());
    }

    @Test
    void aTierIsFullWhenItsFreeSpaceIsUsedUpAtItsShareOfTheGrowth() {
        PlanningReport r = report(0, Map.of(), new Capacity(20 * TB, 12 * TB));
        TierPlan hot = r.tiers().get(0);
        assertEquals("hot-disk", hot.id());
        assertEquals(8 * TB, hot.freeBytes());
        assertEquals(2 * TB, hot.growthBytesPerYear());
        // 8 TB free at 2 TB a year: four years
        assertEquals(NOW.plusSeconds(Math.round(4 * PlanningModel.YEAR_SECONDS)), hot.fullAt());
        TierPlan tape = r.tiers().get(1);
        assertNull(tape.fullAt());
        assertEquals(-1, tape.freeBytes());
        assertEquals("capacity not reported by the backend; no price configured (costPerTbYear.tape)", tape.note());
    }

    @Test
    void withoutPricesNothingCostsSoAnyBudgetLastsIndefinitely() {
        PlanningReport r = report(0, Map.of(), null);
        assertEquals(OptionalInt.empty(), r.affordableYears());
        assertEquals("indefinitely (over 100 years)", r.preservation());
        assertEquals(PlanningReport.HORIZON_YEARS, r.projection().size());
    }

    @Test
    void withPricesAndNoBudgetNotEvenTheFirstYearIsAfforded() {
        PlanningReport r = report(0, Map.of("hot-disk", 10.0), null);
        assertEquals(OptionalInt.of(0), r.affordableYears());
        assertEquals("0 years", r.preservation());
    }

    @Test
    void aBudgetAboveEveryYearsCostLastsIndefinitely() {
        // year 100 costs 150 + 3000
        PlanningReport r = report(3200, Map.of("hot-disk", 10.0, "tape", 5.0), null);
        assertEquals(OptionalInt.empty(), r.affordableYears());
    }

    @Test
    void aTierFarFromFullHasNoDateButSaysWhy() {
        PlanningReport r = report(0, Map.of(), new Capacity(1000 * TB, 0));
        assertNull(r.tiers().get(0).fullAt());
        assertTrue(r.tiers().get(0).note().contains("not full within 100 years"), r.tiers().get(0).note());
    }
}
