package org.datastamp.catalog.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcCatalogTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    @TempDir
    Path dir;

    private JdbcDataSource dataSource;
    private SteppingClock clock;
    private JdbcCatalog catalog;

    @BeforeEach
    void openCatalog() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("catalog/datastamp"));
        dataSource.setUser("datastamp");
        dataSource.setPassword("");
        clock = new SteppingClock(T0, Duration.ofSeconds(1));
        catalog = new JdbcCatalog(dataSource, clock);
        assertEquals(1, catalog.migrate());
    }

    private static NewDataset scan(String title, List<Datafile> files, List<MetadataEntry> metadata) {
        return new NewDataset(title, DatasetType.RAW, "SimBeamline", "lysozyme-01", "raw/2026/scan-000001",
                T0, T0.plusSeconds(12), files, metadata);
    }

    @Test
    void aDatasetReadsBackWithEveryFieldIncludingTypedMetadataAndLists() throws Exception {
        NewDataset content = new NewDataset("Lysozyme at 100 K", DatasetType.DERIVED, "SimBeamline", "lysozyme-01",
                "raw/2026/scan-000001", T0, T0.plusMillis(12_345),
                List.of(new Datafile("scan-000001.nxs", 1_234_567L, "SHA-256", "ab".repeat(32), T0.plusSeconds(13)),
                        new Datafile("logs/scan.log", 0L, "SHA-256", "cd".repeat(32), T0.plusSeconds(14))),
                List.of(new MetadataEntry("sample_temperature", 295.03, "K"),
                        new MetadataEntry("frame_count", 100L, ""),
                        new MetadataEntry("detector_pixel_type", "UINT16", ""),
                        new MetadataEntry("shutter_open", true, ""),
                        new MetadataEntry("beam_size", List.of(0.05, 0.02), "mm"),
                        new MetadataEntry("tags", List.of("test", 3L, false), ""),
                        new MetadataEntry("empty_list", List.of(), "")));

        Dataset registered = catalog.register(content);
        Optional<Dataset> found = catalog.find(registered.id());

        assertTrue(registered.id().value().matches("ds-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                registered.id().value());
        assertEquals(T0, registered.created());
        assertEquals(content, registered.content());
        assertEquals(Optional.of(registered), found);
        assertEquals(1_234_567L, found.get().size());
    }

    @Test
    void wholeNumbersComeBackAsLongAndTimesToTheMicrosecond() throws Exception {
        Instant withNanos = Instant.parse("2026-03-01T10:15:30.123456789Z");
        NewDataset content = new NewDataset("t", DatasetType.RAW, "SimBeamline", "", "loc", withNanos, withNanos,
                List.of(), List.of(new MetadataEntry("width", 256, "pixel"),
                        new MetadataEntry("sizes", List.of(1, 2.5f), "")));

        Dataset registered = catalog.register(content);
        Dataset found = catalog.find(registered.id()).orElseThrow();

        assertEquals(List.of(new MetadataEntry("width", 256L, "pixel"), new MetadataEntry("sizes", List.of(1L, 2.5), "")),
                found.content().metadata());
        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"), found.content().startTime());
        assertEquals(registered, found, "register returns exactly what is stored");
    }

    @Test
    void aFailingInsertLeavesNothingBehind() throws Exception {
        Datafile file = new Datafile("scan.nxs", 10, "SHA-256", "00", T0);
        NewDataset twoFilesOnePath = scan("Broken", List.of(file, file),
                List.of(new MetadataEntry("sample_temperature", 295.0, "K")));

        CatalogException e = assertThrows(CatalogException.class, () -> catalog.register(twoFilesOnePath));

        assertTrue(e.getMessage().startsWith("Could not record dataset 'Broken'; nothing was recorded: "),
                e.getMessage());
        assertEquals(0, catalog.count());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("dataset", "datafile", "metadata_entry")) {
                var rs = s.executeQuery("SELECT COUNT(*) FROM " + table);
                rs.next();
                assertEquals(0, rs.getLong(1), table + " must be empty after the failed register");
            }
        }
    }

    @Test
    void listingPagesNewestFirstAndCountsAll() throws Exception {
        for (int i = 1; i <= 5; i++) {
            catalog.register(scan("scan " + i, List.of(), List.of()));
        }
        clock.step = Duration.ZERO; // two datasets recorded in the same microsecond still list newest first
        catalog.register(scan("scan 6", List.of(), List.of()));
        catalog.register(scan("scan 7", List.of(), List.of()));

        assertEquals(7, catalog.count());
        assertEquals(List.of("scan 7", "scan 6", "scan 5"), titles(catalog.list(0, 3)));
        assertEquals(List.of("scan 4", "scan 3", "scan 2"), titles(catalog.list(3, 3)));
        assertEquals(List.of("scan 1"), titles(catalog.list(6, 3)));
        assertEquals(List.of(), catalog.list(7, 3));
    }

    @Test
    void badPagingIsRefusedWithTheReason() {
        assertEquals("offset must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> catalog.list(-1, 10)).getMessage());
        assertEquals("limit must be between 1 and 1000, got 0",
                assertThrows(IllegalArgumentException.class, () -> catalog.list(0, 0)).getMessage());
    }

    @Test
    void anUnknownIdIsNotFound() throws Exception {
        assertEquals(Optional.empty(), catalog.find(new DatasetId("ds-unknown")));
    }

    @Test
    void migratingAgainKeepsDataAndRecordsEachVersionOnce() throws Exception {
        Dataset kept = catalog.register(scan("kept", List.of(), List.of()));

        JdbcCatalog reopened = new JdbcCatalog(dataSource, Clock.systemUTC());
        assertEquals(1, reopened.migrate());

        assertEquals(Optional.of(kept), reopened.find(kept.id()));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version");
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertEquals(1, rs.getInt(2));
        }
    }

    @Test
    void aDatabaseFromANewerReleaseIsRefused() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version (version, description, applied)"
                    + " VALUES (99, 'future', CURRENT_TIMESTAMP)");
        }

        CatalogException e = assertThrows(CatalogException.class, () -> catalog.migrate());

        assertEquals("The catalogue database is at schema version 99 but this bundle knows versions up to 1;"
                + " install the newer catalogue bundle", e.getMessage());
    }

    @Test
    void schemaScriptsSplitIntoStatementsWithoutComments() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX a_x ON a (x)"),
                SchemaMigrator.statements("-- a comment; with a semicolon\nCREATE TABLE a (x INT);\n\n"
                        + "  -- another\nCREATE INDEX a_x ON a (x);\n"));
    }

    private static List<String> titles(List<Dataset> datasets) {
        return datasets.stream().map(d -> d.content().title()).toList();
    }

    /** A clock that moves on by {@code step} each time it is read. */
    private static final class SteppingClock extends Clock {
        private Instant next;
        Duration step;

        SteppingClock(Instant start, Duration step) {
            this.next = start;
            this.step = step;
        }

        @Override
        public Instant instant() {
            Instant now = next;
            next = next.plus(step);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
