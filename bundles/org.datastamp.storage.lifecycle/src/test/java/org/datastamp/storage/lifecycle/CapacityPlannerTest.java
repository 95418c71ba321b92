package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.jdbc.CatalogDatabases;
import org.datastamp.storage.api.Capacity;
import org.datastamp.storage.api.MonthlyIngest;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.api.StorageTier;
import org.datastamp.storage.api.TierPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planning service on the real catalogue, embedded H2 and PostgreSQL, with the clock set by the test. */
class CapacityPlannerTest {

    static final long TB = 1_000_000_000_000L;
    static final Instant NOW = Instant.parse("2026-06-15T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void reportsCopiesGrowthAndCostFromTheCatalogueOnH2() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            reportsCopiesGrowthAndCost(f);
        }
    }

    @Test
    void reportsCopiesGrowthAndCostFromTheCatalogueOnPostgres() throws Exception {
        try (CatalogDatabases.Postgres pg = CatalogDatabases.postgres("datastamp_planning")) {
            Files.writeString(dir.resolve("catalog-url"), pg.url());
            try (Fixture f = new Fixture(dir)) {
                reportsCopiesGrowthAndCost(f);
            }
        }
    }

    private void reportsCopiesGrowthAndCost(Fixture f) throws Exception {
        // a year-old dataset on tape only, then three this year: on hot disk, two of them on tape too
        record(f, "old", "2025-06-01T12:00:00Z", 4 * TB, "tape");
        record(f, "jan", "2026-01-10T08:00:00Z", 2 * TB, "hot-disk", "tape");
        record(f, "mar", "2026-03-31T23:59:59Z", TB, "hot-disk", "tape");
        record(f, "jun", "2026-06-01T00:00:00Z", TB, "hot-disk");
        f.hot.capacity = new Capacity(20 * TB, 14 * TB);
        f.backends.remove("tape"); // copies on a backend that is not running still count, with a note
        FolderBackend cloud = new FolderBackend("s3", dir.resolve("s3"), StorageTier.CLOUD);

        CapacityPlanner planner = new CapacityPlanner(f.database,
                new PlanningModel.Prices("EUR", 1000, Map.of("hot-disk", 100.0, "tape", 10.0)), 6, Duration.ZERO,
                java.time.Clock.fixed(NOW, ZoneOffset.UTC));
        planner.addBackend(f.hot);
        planner.addBackend(cloud);
        PlanningReport r = planner.report();

        assertEquals(NOW, r.generated());
        assertEquals(List.of(new MonthlyIngest(YearMonth.of(2026, 1), 1, 2 * TB),
                new MonthlyIngest(YearMonth.of(2026, 2), 0, 0), new MonthlyIngest(YearMonth.of(2026, 3), 1, TB),
                new MonthlyIngest(YearMonth.of(2026, 4), 0, 0), new MonthlyIngest(YearMonth.of(2026, 5), 0, 0),
                new MonthlyIngest(YearMonth.of(2026, 6), 1, TB)), r.months());
        // 4 TB from 1 January to 15 June (165 days)
        assertEquals(Math.round(4 * TB * PlanningModel.YEAR_SECONDS / (165 * 86400.0)), r.bytesPerYear());
        assertEquals(8 * TB, r.catalogueBytes());
        assertEquals(11.0 / 8, r.copiesPerByte(), 1e-9);
        assertEquals(List.of("hot-disk", "s3", "tape"), r.tiers().stream().map(TierPlan::id).toList());

        TierPlan hot = r.tiers().get(0);
        assertEquals(4 * TB, hot.heldBytes());
        assertEquals(3, hot.datasets());
        assertEquals(StorageTier.HOT_DISK, hot.tier());
        assertEquals(6 * TB, hot.freeBytes());
        assertEquals(Math.round(r.bytesPerYear() * 0.5), hot.growthBytesPerYear());
        assertEquals(PlanningModel.fullAt(NOW, hot.capacity(), hot.growthBytesPerYear()), hot.fullAt());
        assertEquals(400.0, hot.costPerYear(), 1e-6);

        TierPlan s3 = r.tiers().get(1);
        assertEquals(0, s3.heldBytes());
        assertNull(s3.fullAt());
        assertTrue(s3.note().contains("not growing"), s3.note());
        assertTrue(s3.note().contains("no price configured (costPerTbYear.s3)"), s3.note());

        TierPlan tape = r.tiers().get(2);
        assertNull(tape.tier());
        assertEquals(7 * TB, tape.heldBytes());
        assertEquals(3, tape.datasets());
        assertEquals("not running now", tape.note());
        assertEquals(470.0, r.costPerYear(), 1e-6);
        assertTrue(r.affordableYears().isPresent());
    }

    @Test
    void aReportIsReusedUntilItIsOlderThanItsMaximumAge() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            Fixture.MutableClock clock = new Fixture.MutableClock(NOW);
            CapacityPlanner planner = new CapacityPlanner(f.database, new PlanningModel.Prices("EUR", 0, Map.of()), 12,
                    Duration.ofMinutes(5), clock);
            PlanningReport first = planner.report();
            record(f, "new", "2026-06-14T00:00:00Z", TB, "hot-disk");
            clock.advance(Duration.ofMinutes(4));
            assertTrue(first == planner.report(), "reused within five minutes");
            clock.advance(Duration.ofMinutes(1));
            PlanningReport second = planner.report();
            assertEquals(NOW.plus(Duration.ofMinutes(5)), second.generated());
            assertEquals(TB, second.catalogueBytes(), "read again: the new dataset's copy counts");
        }
    }

    @Test
    void refusesAPriceThatIsNotANumberNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CapacityPlanner
                .prices(config(0), Map.of("costPerTbYear.tape", "cheap", "component.name", "x")));
        assertTrue(e.getMessage().contains("costPerTbYear.tape = 'cheap'"), e.getMessage());
        assertEquals(Map.of("tape", 4.5, "s3", 20.0), CapacityPlanner
                .prices(config(100), Map.of("costPerTbYear.tape", "4.5", "costPerTbYear.s3", 20)).costPerTbYear());
    }

    /** Registers a dataset of one file of {@code bytes} (declared, not written) created at {@code created}. */
    private static void record(Fixture f, String name, String created, long bytes, String... copiesOn)
            throws Exception {
        Instant t = Instant.parse(created);
        Dataset d = f.catalog.register(new NewDataset(name, DatasetType.RAW, "CoSAXS", "lysozyme", "raw/" + name, t,
                t.plusSeconds(60), List.of(new Datafile(name + ".nxs", bytes, "SHA-256", "0".repeat(64), t)), List.of(), "",
                "", "", "", "SAXS", List.of(), List.of()));
        // the catalogue stamps registration with its own clock; the ingest history is set here
        try (Connection c = f.database.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE dataset SET created = ? WHERE id = ?")) {
            s.setObject(1, t.atOffset(ZoneOffset.UTC));
            s.setString(2, d.id().value());
            s.executeUpdate();
        }
        for (String backend : copiesOn) {
            f.copies.beginCopy(d.id(), backend, "raw/" + name, CopyFormat.PLAIN);
            f.copies.markVerified(d.id(), backend, t);
        }
    }

    private static CapacityPlanner.Config config(double budget) {
        return new CapacityPlanner.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CapacityPlanner.Config.class;
            }

            @Override
            public String currency() {
                return "EUR";
            }

            @Override
            public double budgetPerYear() {
                return budget;
            }

            @Override
            public int months() {
                return 12;
            }

            @Override
            public int maxAgeSeconds() {
                return 300;
            }
        };
    }
}
