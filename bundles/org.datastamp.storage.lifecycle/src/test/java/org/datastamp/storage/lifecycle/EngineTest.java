package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.MigrationSummary;
import org.datastamp.storage.api.PolicyStatus;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.UnknownIdException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

    @TempDir
    java.nio.file.Path dir;

    Fixture f;

    @BeforeEach
    void open() throws Exception {
        f = new Fixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private void moveAfter30Days() throws Exception {
        f.policy(Map.of("name", "cold", "moveTo", "tape", "moveAfterDaysWithoutAccess", "30",
                "minVerifiedCopies", "1"));
    }

    private String states(Dataset d) throws Exception {
        return f.copies.copies(d.id()).stream().map(c -> c.backendId() + ":" + c.state()
                + (c.purgedAt() != null ? ":purged" : "")).toList().toString();
    }

    @Test
    void aDatasetMovesToTapeAsAVerifiedOcflObjectAndOnlyThenLeavesTheHotDisk() throws Exception {
        moveAfter30Days();
        Dataset d = f.dataset("scan-000001", "CoSAXS", 3, 10_000);

        MigrationSummary early = f.engine.migrateNow();
        assertEquals(List.of(d.id() + " @ hot-disk"), early.copied(), "the ingest copy is checked and adopted");
        assertEquals("[hot-disk:VERIFIED]", states(d));

        f.clock.advance(Duration.ofDays(31));
        MigrationSummary moved = f.engine.migrateNow();

        assertEquals(List.of(d.id() + " -> tape"), moved.copied());
        assertEquals(List.of(d.id() + " @ hot-disk"), moved.released());
        assertEquals(List.of(), moved.failed());
        assertEquals("[hot-disk:RELEASED:purged, tape:VERIFIED]", states(d));
        assertEquals(List.of(), f.hot.keys(), "the hot copy is deleted");
        DatasetCopy onTape = f.copies.copies(d.id()).get(1);
        assertEquals(CopyFormat.OCFL, onTape.format());
        assertTrue(onTape.keyPrefix().startsWith("ocfl/"), onTape.keyPrefix());
        for (Datafile file : d.content().files()) {
            byte[] stored = Files.readAllBytes(f.tape.file(CopyKeys.key(onTape, file)));
            assertEquals(file.checksum(), Fixture.sha256(stored));
        }
        var lifecycle = f.catalog.find(d.id(), Viewer.system()).orElseThrow().lifecycle();
        assertEquals(List.of("tape"), lifecycle.tiers());
        assertFalse(lifecycle.online());
        assertTrue(lifecycle.archived());
        assertEquals(1, f.tape.recallRequests.size(), "one recall to verify all the written objects");
    }

    @Test
    void aCopyThatDoesNotReadBackAsWrittenIsNeverCountedAndTheHotCopyStays() throws Exception {
        moveAfter30Days();
        Dataset d = f.dataset("scan-000002", "CoSAXS", 2, 5000);
        f.tape.corruptWrites = true;
        f.clock.advance(Duration.ofDays(31));

        MigrationSummary round = f.engine.migrateNow();

        assertEquals(1, round.failed().size(), round.toString());
        assertTrue(round.failed().get(0).contains("read back from tape has SHA-256"), round.failed().get(0));
        assertEquals("[hot-disk:VERIFIED]", states(d));
        assertTrue(f.tape.keys().stream().noneMatch(k -> k.contains("/v1/") || k.contains("inventory")),
                "only the shared storage-root files stay: " + f.tape.keys());
        assertEquals(2, f.hot.keys().size());
        PolicyStatus status = f.engine.policies().get(0);
        assertTrue(status.lastError().contains("SHA-256"), status.toString());
    }

    @Test
    void anIngestCopyThatDoesNotMatchTheCatalogueIsNotAdopted() throws Exception {
        moveAfter30Days();
        Dataset d = f.dataset("scan-000003", "CoSAXS", 1, 100);
        Files.write(f.hot.file("raw/2026/scan-000003/scan-000003.nxs"), new byte[100]);

        MigrationSummary round = f.engine.migrateNow();

        assertTrue(round.failed().get(0).contains("the copy is not adopted"), round.toString());
        assertEquals("[]", states(d));
    }

    @Test
    void aSecondCopyIsKeptFromIngestAndTheHotTierFullnessMovesTheLeastRecentlyUsedFirst() throws Exception {
        f.policy(Map.of("name", "full", "moveTo", "tape", "moveWhenHotAbovePercent", "80",
                "keepCopyOn", "s3", "minVerifiedCopies", "2"));
        FolderBackend s3 = new FolderBackend("s3", dir.resolve("s3"), org.datastamp.storage.api.StorageTier.CLOUD);
        f.backends.put("s3", s3);
        Dataset old = f.dataset("scan-old", "CoSAXS", 1, 1000);
        Dataset recent = f.dataset("scan-new", "CoSAXS", 1, 1000);
        f.copies.recordAccess(recent.id(), f.clock.instant());

        f.engine.migrateNow();
        assertEquals("[hot-disk:VERIFIED, s3:VERIFIED]", states(old), "second copy from ingest on");
        assertEquals("[hot-disk:VERIFIED, s3:VERIFIED]", states(recent));

        // 85 % full, 80 % allowed: 5 % of 100,000 bytes = 5,000 bytes too many... more than both datasets
        f.hot.capacity = new org.datastamp.storage.api.Capacity(100_000, 80_500);
        f.engine.migrateNow();

        assertEquals("[hot-disk:RELEASED:purged, s3:VERIFIED, tape:VERIFIED]", states(old));
        assertEquals("[hot-disk:VERIFIED, s3:VERIFIED]", states(recent), "the recently used one stays hot");
    }

    @Test
    void recallAsksEachTapeOnceForAllDatasetsAndReportsThemOnlineOnceRestoredToTheHotTier() throws Exception {
        moveAfter30Days();
        Dataset a = f.dataset("scan-a", "CoSAXS", 2, 100);
        Dataset b = f.dataset("scan-b", "CoSAXS", 1, 100);
        Dataset hot = f.dataset("scan-hot", "Other", 1, 100);
        f.clock.advance(Duration.ofDays(31));
        f.copies.recordAccess(hot.id(), f.clock.instant());
        f.engine.migrateNow();
        f.tape.evictAll();
        int before = f.tape.recallRequests.size();

        RecallTicket ticket = f.engine.prepare(List.of(a.id().value(), b.id().value(), hot.id().value()), "mem");

        RecallStatus online = Recalls.await(f.engine, ticket, RecallState.ONLINE);
        assertEquals(3, online.keysDone());
        assertEquals(3, online.keysTotal());
        assertEquals(before + 1, f.tape.recallRequests.size());
        assertEquals(3, f.tape.recallRequests.get(before).size(), "all three tape objects in one request");
        assertEquals("mem", f.engine.requester(ticket));
        assertEquals(f.clock.instant(), f.copies.lastAccess(a.id()).orElseThrow());
        assertThrows(UnknownIdException.class, () -> f.engine.prepare(List.of("no-such"), "mem"));
        assertThrows(UnknownIdException.class, () -> f.engine.status(new RecallTicket("nope")));
    }

    @Test
    void anInvalidPolicyIsListedWithItsErrorAndIgnored() throws Exception {
        f.policies.add(new ConfiguredPolicy() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public java.util.Optional<Policy> policy() {
                return java.util.Optional.empty();
            }

            @Override
            public String error() {
                return "Lifecycle policy 'broken': unknown key 'x'";
            }
        });
        f.dataset("scan-x", "CoSAXS", 1, 10);

        MigrationSummary round = f.engine.migrateNow();

        assertEquals(new MigrationSummary(List.of(), List.of(), List.of(), List.of()), round);
        assertEquals(List.of(new PolicyStatus("broken", false, "Lifecycle policy 'broken': unknown key 'x'", 0, 0,
                null, "")), f.engine.policies());
    }

    @Test
    void aProposalPolicyWinsOverAnInstrumentPolicyWinsOverTheDefault() throws Exception {
        f.policy(Map.of("name", "default", "minVerifiedCopies", "1"));
        f.policy(Map.of("name", "beamline", "scope", "instrument:CoSAXS", "keepCopyOn", "tape"));
        f.dataset("scan-c", "CoSAXS", 1, 10);
        f.dataset("scan-o", "Other", 1, 10);

        f.engine.migrateNow();

        Map<String, Integer> datasets = new java.util.HashMap<>();
        f.engine.policies().forEach(p -> datasets.put(p.name(), p.datasets()));
        assertEquals(Map.of("default", 1, "beamline", 1), datasets);
    }

    @Test
    void theOcflObjectCopiedToTapeHoldsTheCatalogueRecord() throws Exception {
        moveAfter30Days();
        Dataset d = f.dataset("scan-meta", "CoSAXS", 1, 10);
        f.clock.advance(Duration.ofDays(31));
        f.engine.migrateNow();
        DatasetCopy onTape = f.copies.copies(d.id()).stream().filter(c -> c.backendId().equals("tape")).findFirst()
                .orElseThrow();

        byte[] json = Files.readAllBytes(f.tape.file(onTape.keyPrefix() + CopyKeys.CONTENT + CopyKeys.METADATA));

        assertTrue(Fixture.utf8(json).contains("\"id\" : \"" + d.id() + "\""), Fixture.utf8(json));
        assertArrayEquals(Files.readAllBytes(f.tape.file(onTape.keyPrefix() + CopyKeys.CONTENT + "data/scan-meta.nxs")),
                Files.readAllBytes(f.tape.file(CopyKeys.key(onTape, d.content().files().get(0)))));
        assertEquals(CopyState.VERIFIED, onTape.state());
    }
}
