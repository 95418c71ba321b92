package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.catalog.jdbc.CatalogDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A migration stopped at any point, as a crash would stop it, is completed on restart: nothing half written counts,
 * the hot copy goes only after the tape copy is verified, and every file of every dataset has a verified copy whose
 * bytes match the catalogue at all times.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    /** Thrown at a fault point; an Error, so no cleanup path of the engine catches it, as with kill -9. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String point) {
            super("crash at " + point);
        }
    }

    static void moveAfterADay(Fixture f) throws Exception {
        f.policy(Map.of("name", "cold", "moveTo", "tape", "moveAfterDaysWithoutAccess", "1",
                "minVerifiedCopies", "1"));
    }

    @ParameterizedTest(name = "crash at {0} #{1}")
    @CsvSource({ "copy:after-begin,1", "copy:after-put,1", "copy:after-put,4", "copy:before-verified,1",
            "release:after-record,1", "purge:before-delete,1", "purge:before-delete,2" })
    void aMigrationStoppedAtAnyPointIsCompletedOnRestart(String point, int occurrence) throws Exception {
        try (Fixture f = new Fixture(dir)) {
            moveAfterADay(f);
            Dataset d = f.dataset("scan-000007", "CoSAXS", 3, 4096);
            f.engine.migrateNow();
            f.clock.advance(Duration.ofDays(2));
            AtomicInteger seen = new AtomicInteger();
            f.reopen(p -> {
                if (p.equals(point) && seen.incrementAndGet() == occurrence) {
                    throw new Crash(p);
                }
            });

            assertThrows(Crash.class, () -> f.engine.migrateNow());
            assertIntact(f, d);
            assertTrue(f.copies.copies(d.id()).stream().noneMatch(c -> c.backendId().equals("tape")
                    && c.state() == CopyState.VERIFIED) || point.startsWith("release") || point.startsWith("purge"),
                    "a copy interrupted before verification is not counted");

            f.reopen(Faults.NONE);
            f.engine.migrateNow();

            assertMoved(f, d);
        }
    }

    @Test
    void aMigrationKilledTwentyTimesAtRandomMomentsLosesAndDuplicatesNothingOnPostgres() throws Exception {
        // On PostgreSQL: embedded H2 sometimes loses acknowledged commits on SIGKILL (CatalogueKillTest's H2 probe)
        try (CatalogDatabases.Postgres catalogue = CatalogDatabases.postgres("datastamp_lifecycle_kill")) {
            Files.writeString(dir.resolve("catalog-url"), catalogue.url());
            killTwentyTimes();
        }
    }

    private void killTwentyTimes() throws Exception {
        List<Dataset> datasets = new ArrayList<>();
        try (Fixture f = new Fixture(dir)) {
            for (int i = 0; i < 12; i++) {
                datasets.add(f.dataset("scan-" + (1000 + i), "CoSAXS", 4, 256 * 1024));
            }
        }
        Random random = new Random(42);
        int killedMidway = 0;
        for (int trial = 0; trial < 20; trial++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MigratingChild.class.getName(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child-" + trial + ".log").toFile()).start();
            boolean finished = child.waitFor(300 + random.nextInt(1500), TimeUnit.MILLISECONDS);
            if (!finished) {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
                child.waitFor();
                killedMidway++;
            }
        }
        try (Fixture f = new Fixture(dir)) {
            moveAfterADay(f);
            f.clock.advance(Duration.ofDays(2));
            for (Dataset d : datasets) {
                assertIntact(f, d);
            }
            f.engine.migrateNow();
            for (Dataset d : datasets) {
                assertMoved(f, d);
            }
        }
        assertTrue(killedMidway > 0, "at least one child was killed while migrating (see child-*.log)");
    }

    /** Every file has a verified copy whose bytes match the catalogue. */
    static void assertIntact(Fixture f, Dataset d) throws Exception {
        List<DatasetCopy> verified = f.copies.copies(d.id()).stream()
                .filter(c -> c.state() == CopyState.VERIFIED).toList();
        assertTrue(!verified.isEmpty() || f.copies.copies(d.id()).isEmpty(), d.id() + " has no verified copy: "
                + f.copies.copies(d.id()));
        for (Datafile file : d.content().files()) {
            boolean good = false;
            for (DatasetCopy c : verified.isEmpty() ? List.<DatasetCopy>of() : verified) {
                FolderBackend b = c.backendId().equals("tape") ? f.tape : f.hot;
                Path stored = b.file(CopyKeys.key(c, file));
                good |= Files.exists(stored) && Fixture.sha256(Files.readAllBytes(stored)).equals(file.checksum());
            }
            if (verified.isEmpty()) {
                good = Fixture.sha256(Files.readAllBytes(f.hot.file(d.content().location() + "/" + file.path())))
                        .equals(file.checksum());
            }
            assertTrue(good, d.id() + ": " + file.path() + " has no intact verified copy");
        }
    }

    /** On tape once, verified, the hot copy released and deleted, nothing else left on either tier. */
    static void assertMoved(Fixture f, Dataset d) throws Exception {
        List<String> states = f.copies.copies(d.id()).stream().map(c -> c.backendId() + ":" + c.state()
                + (c.purgedAt() != null ? ":purged" : "")).toList();
        assertEquals(List.of("hot-disk:RELEASED:purged", "tape:VERIFIED"), states, d.id().value());
        assertIntact(f, d);
        DatasetCopy tape = f.copies.copies(d.id()).get(1);
        assertTrue(f.hot.keys().stream().noneMatch(k -> k.startsWith(d.content().location() + "/")), "hot leftovers");
        assertEquals(List.of(), f.copies.unfinished());
        // the object's folder holds one version: declaration, inventory (+ sidecar) twice, the files and the record
        long objects = f.tape.keys().stream().filter(k -> k.startsWith(tape.keyPrefix() + "/")).count();
        assertEquals(1 + 2 + 2 + d.content().files().size() + 1, objects, f.tape.keys().toString());
        assertEquals(List.of("tape"), f.catalog.find(d.id(), Viewer.system()).orElseThrow().lifecycle().tiers());
    }
}
