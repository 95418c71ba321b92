package org.datastamp.catalog.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.catalog.api.Viewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process writing to the catalogue is killed (SIGKILL: no shutdown hook, no close) again and again; every change it
 * reported as committed must be there when the catalogue is opened again. The storage lifecycle deletes files once the
 * release of their copy is committed, so a lost commit would be a lost file.
 */
class CatalogueKillTest {

    private static final int TRIALS = 12;

    @TempDir
    Path dir;

    /**
     * On demand ({@code -Ddatastamp.probe.h2kill=true}) until it has passed enough loaded runs to gate CI: embedded H2
     * 2.3 came back from SIGKILLs without acknowledged commits even with WRITE_DELAY=0 (one CI run in three; its
     * recovery misses chunks written into reused free space). With REUSE_SPACE=FALSE, now in the product's URL, it
     * passed 7 runs of 7 with both cores kept busy, where it had failed without (decision 0009).
     */
    @Test
    @EnabledIfSystemProperty(named = "datastamp.probe.h2kill", matches = "true")
    void anEmbeddedCatalogueKilledTwelveTimesKeepsEveryAcknowledgedChange() throws Exception {
        killAndCheck(CatalogComponent.h2Url(dir.resolve("catalog").resolve("datastamp")), "datastamp");
    }

    @Test
    void aPostgresCatalogueKilledTwelveTimesKeepsEveryAcknowledgedChange() throws Exception {
        try (CatalogDatabases.Postgres postgres = CatalogDatabases.postgres("datastamp_kill")) {
            killAndCheck(postgres.url(), CatalogDatabases.Postgres.USER);
        }
    }

    private void killAndCheck(String url, String user) throws Exception {
        Random random = new Random(7);
        int killedAfterAcknowledging = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path output = dir.resolve("child-" + trial + ".out");
            Path errors = dir.resolve("child-" + trial + ".err");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CatalogueWriterChild.class.getName(), url, user,
                    "run" + trial).redirectOutput(output.toFile())
                    .redirectError(errors.toFile()).start();
            // Let it open (and the first time migrate) the catalogue and acknowledge something, then a random while
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Files.size(output) == 0 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive(), () -> "the writer stopped by itself: " + read(errors));
            Thread.sleep(100 + random.nextInt(900));
            child.destroyForcibly();
            child.waitFor();
            killedAfterAcknowledging += Files.size(output) > 0 ? 1 : 0;
        }
        assertEquals(TRIALS, killedAfterAcknowledging, "every writer was killed after acknowledging changes");

        Map<String, Integer> acknowledged = new HashMap<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            for (String line : Files.readAllLines(dir.resolve("child-" + trial + ".out"))) {
                String[] parts = line.split(" ");
                if (parts.length == 2) { // a line cut by the kill is not an acknowledgement
                    acknowledged.merge(parts[1], Integer.parseInt(parts[0]), Math::max);
                }
            }
        }
        DataSource database = CatalogDatabases.migrated(url, user, "");
        Catalog catalog = CatalogDatabases.catalog(database, (value, unit) -> new NormalizedQuantity(value, unit));
        StorageCopies copies = (StorageCopies) catalog;
        int checked = 0;
        for (Map.Entry<String, Integer> e : acknowledged.entrySet()) {
            DatasetId id = new DatasetId(e.getKey());
            int step = e.getValue();
            String what = id + " acknowledged '" + CatalogueWriterChild.STEPS.get(step) + "'";
            Optional<Dataset> dataset = catalog.find(id, Viewer.system());
            assertTrue(dataset.isPresent(), what + " but is not in the catalogue");
            Map<String, DatasetCopy> byBackend = new HashMap<>();
            for (DatasetCopy c : copies.copies(id)) {
                byBackend.put(c.backendId(), c);
            }
            DatasetCopy hot = byBackend.get("hot-disk");
            DatasetCopy tape = byBackend.get("tape");
            if (step >= 1) {
                assertTrue(hot != null, what + " but has no hot copy: " + byBackend);
            }
            if (step >= 2) {
                assertTrue(tape != null, what + " but has no tape copy: " + byBackend);
            }
            if (step >= 3) {
                assertEquals(CopyState.VERIFIED, tape.state(), what);
            }
            if (step >= 4) {
                assertEquals(CopyState.RELEASED, hot.state(), what);
            }
            if (step >= 5) {
                assertTrue(hot.purgedAt() != null, what + " but its hot copy is not purged");
            }
            if (step >= 6) {
                assertTrue(dataset.get().lifecycle().archived(), what + " but is not archived");
                assertEquals(List.of("tape"), dataset.get().lifecycle().tiers(), what);
            }
            checked++;
        }
        assertTrue(checked >= TRIALS, "the writers acknowledged changes to at least one dataset per run: " + checked);
        if (database instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
