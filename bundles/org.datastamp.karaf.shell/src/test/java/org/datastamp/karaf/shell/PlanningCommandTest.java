package org.datastamp.karaf.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalInt;

import org.datastamp.storage.api.Capacity;
import org.datastamp.storage.api.MonthlyIngest;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.api.StorageTier;
import org.datastamp.storage.api.TierPlan;
import org.datastamp.storage.api.YearProjection;
import org.junit.jupiter.api.Test;

class PlanningCommandTest {

    static final long TB = 1_000_000_000_000L;

    @Test
    void printsATierPerRowThenGrowthCostAndThePreservationPeriod() {
        PlanningReport report = new PlanningReport(Instant.parse("2026-06-15T00:00:00Z"), "EUR",
                List.of(new TierPlan("hot-disk", StorageTier.HOT_DISK, new Capacity(20 * TB, 14 * TB), 4 * TB, 3,
                        100, 400, 2 * TB, Instant.parse("2029-06-15T00:00:00Z"), ""),
                        new TierPlan("tape", null, null, 7 * TB, 3, 10, 70, 3 * TB, null, "not running now")),
                List.of(new MonthlyIngest(YearMonth.of(2026, 5), 0, 0), new MonthlyIngest(YearMonth.of(2026, 6), 1,
                        TB / 2)), 9 * TB, 8 * TB, 1.375, 470, 1000, OptionalInt.of(9),
                List.of(new YearProjection(1, 16 * TB, 500, 500, 1000)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PlanningCommand.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertTrue(lines.get(0).startsWith("Tier"), lines.get(0));
        assertEquals(List.of("hot-disk", "HOT_DISK", "20.00", "6.00", "4.00", "3", "100.00", "400.00", "2.00",
                "2029-06-15"), List.of(lines.get(2).split("\\s*\\|\\s*")).subList(0, 10));
        assertTrue(lines.get(3).contains("not running now"), lines.get(3));
        assertEquals("Ingest per month (TB): 2026-05 0.00 2026-06 0.50", lines.get(4));
        assertEquals("Growth: 9.00 TB/year; catalogue: 8.00 TB with a verified copy, 1.38 copies per byte",
                lines.get(5));
        assertEquals("Cost now: 470.00 EUR/year; budget: 1000.00 EUR/year", lines.get(6));
        assertEquals("Preservation period the budget affords: 9 years", lines.get(7));
    }
}
