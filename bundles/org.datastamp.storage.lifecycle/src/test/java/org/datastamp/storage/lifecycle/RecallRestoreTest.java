package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.RecallRequest;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recall copies a dataset back to its hot tier, verified, and its ticket survives a restart. */
class RecallRestoreTest {

    @TempDir
    Path dir;

    Fixture f;

    @BeforeEach
    void open() throws Exception {
        f = new Fixture(dir);
        f.policy(Map.of("name", "cold", "moveTo", "tape", "moveAfterDaysWithoutAccess", "30",
                "minVerifiedCopies", "1"));
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    /** A dataset moved to tape (as an OCFL object), its hot files deleted and its tape objects offline. */
    private Dataset onTapeOnly(String name) throws Exception {
        Dataset d = f.dataset(name, "CoSAXS", 3, 2000);
        f.clock.advance(Duration.ofDays(31));
        f.engine.migrateNow();
        f.tape.evictAll();
        assertFalse(Files.exists(hotFile(d, d.content().files().get(0))), "the hot copy is released");
        return d;
    }

    private Path hotFile(Dataset d, Datafile file) {
        return f.hot.root.resolve(d.content().location()).resolve(file.path());
    }

    private Map<String, CopyState> copyStates(Dataset d) throws Exception {
        return f.copies.copies(d.id()).stream().collect(java.util.stream.Collectors.toMap(DatasetCopy::backendId,
                DatasetCopy::state));
    }

    private void assertRestored(Dataset d, byte[][] original) throws Exception {
        List<Datafile> files = d.content().files();
        for (int i = 0; i < files.size(); i++) {
            assertArrayEquals(original[i], Files.readAllBytes(hotFile(d, files.get(i))), files.get(i).path());
        }
        assertEquals(Map.of("hot-disk", CopyState.VERIFIED, "tape", CopyState.VERIFIED), copyStates(d));
        assertTrue(f.catalog.find(d.id(), Viewer.system()).orElseThrow().lifecycle().online());
    }

    private byte[][] contentOf(Dataset d) throws Exception {
        List<Datafile> files = d.content().files();
        byte[][] content = new byte[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            content[i] = Files.readAllBytes(hotFile(d, files.get(i)));
        }
        return content;
    }

    @Test
    void aRecalledDatasetIsCopiedBackToTheHotTierVerifiedAndOnlyThenOnline() throws Exception {
        Dataset d = f.dataset("scan-r", "CoSAXS", 3, 2000);
        byte[][] original = contentOf(d);
        f.clock.advance(Duration.ofDays(31));
        f.engine.migrateNow();
        f.tape.evictAll();
        f.tape.hold = true;

        RecallTicket ticket = f.engine.prepare(List.of(d.id().value()), "mem");

        RecallStatus staging = Recalls.await(f.engine, ticket, RecallState.STAGING);
        assertEquals(0, staging.keysDone(), "not online while only the tape holds it");
        assertFalse(Files.exists(hotFile(d, d.content().files().get(0))));
        f.tape.hold = false;
        Recalls.await(f.engine, ticket, RecallState.ONLINE);
        assertRestored(d, original);
        assertEquals(List.of(), f.engine.migrateNow().released(),
                "the next round does not release it again: the recall counts as an access");
    }

    @Test
    void recentRecallsListTheNewestRequestsFirstWithWhoAskedAlsoAfterARestart() throws Exception {
        Dataset first = onTapeOnly("scan-a");
        Dataset second = f.dataset("scan-b", "CoSAXS", 1, 100);
        RecallTicket older = f.engine.prepare(List.of(first.id().value()), "mem");
        f.clock.advance(Duration.ofMinutes(5));
        RecallTicket newer = f.engine.prepare(List.of(second.id().value()), "pia");
        Recalls.await(f.engine, older, RecallState.ONLINE);

        List<RecallRequest> recent = f.engine.recentRecalls(10);

        assertEquals(List.of(newer, older), recent.stream().map(r -> r.status().ticket()).toList());
        assertEquals(List.of("pia", "mem"), recent.stream().map(RecallRequest::requester).toList());
        assertEquals(f.clock.instant(), recent.get(0).requested());
        assertEquals(RecallState.ONLINE, recent.get(1).status().state());
        assertEquals(List.of(newer), f.engine.recentRecalls(1).stream().map(r -> r.status().ticket()).toList());
        f.reopen(Faults.NONE);
        assertEquals(List.of(newer, older), f.engine.recentRecalls(10).stream().map(r -> r.status().ticket())
                .toList(), "the journal keeps them");
    }

    @Test
    void aRestoreThatDoesNotMatchTheCatalogueFailsAndLeavesNoHotCopy() throws Exception {
        Dataset d = onTapeOnly("scan-bad");
        DatasetCopy tape = f.copies.copies(d.id()).stream().filter(c -> c.backendId().equals("tape")).findFirst()
                .orElseThrow();
        Files.write(f.tape.root.resolve(CopyKeys.key(tape, d.content().files().get(1))), new byte[] {1, 2, 3});

        RecallTicket ticket = f.engine.prepare(List.of(d.id().value()), "mem");

        RecallStatus failed = Recalls.await(f.engine, ticket, RecallState.FAILED);
        assertTrue(failed.message().contains("the catalogue records"), failed.message());
        assertEquals(Map.of("tape", CopyState.VERIFIED), copyStates(d), "no hot copy counted");
        assertFalse(Files.exists(hotFile(d, d.content().files().get(1))), "the bad file is not left on the hot tier");
    }

    @Test
    void aTicketSurvivesARestartMidRecallAndStillReachesOnline() throws Exception {
        Dataset d = f.dataset("scan-restart", "CoSAXS", 2, 1500);
        byte[][] original = contentOf(d);
        f.clock.advance(Duration.ofDays(31));
        f.engine.migrateNow();
        f.tape.evictAll();
        f.tape.hold = true;
        int before = f.tape.recallRequests.size();
        RecallTicket ticket = f.engine.prepare(List.of(d.id().value()), "mem");
        Recalls.await(f.engine, ticket, RecallState.STAGING);
        assertEquals(before + 1, f.tape.recallRequests.size());

        // the platform stops mid-recall; the library forgets its tickets too
        f.reopen(Faults.NONE);
        f.tape.forgetTickets();
        f.tape.hold = false;

        RecallStatus afterRestart = f.engine.status(ticket);
        assertEquals(RecallState.QUEUED, afterRestart.state());
        assertEquals(1, afterRestart.keysTotal());
        assertEquals("mem", f.engine.requester(ticket));
        f.engine.resumeRecalls();
        Recalls.await(f.engine, ticket, RecallState.ONLINE);
        assertRestored(d, original);
        assertEquals(before + 2, f.tape.recallRequests.size(), "asked the library once more after the restart");

        f.reopen(Faults.NONE);
        assertEquals(RecallState.ONLINE, f.engine.status(ticket).state(), "a finished ticket still answers");
    }

    @Test
    void twoRequestsForTheSameDatasetBothReachOnlineWithOneRestoredCopy() throws Exception {
        Dataset d = f.dataset("scan-twice", "CoSAXS", 2, 1500);
        byte[][] original = contentOf(d);
        f.clock.advance(Duration.ofDays(31));
        f.engine.migrateNow();
        f.tape.evictAll();
        f.tape.hold = true;

        RecallTicket first = f.engine.prepare(List.of(d.id().value()), "mem");
        RecallTicket second = f.engine.prepare(List.of(d.id().value()), "other");
        f.tape.hold = false;

        Recalls.await(f.engine, first, RecallState.ONLINE);
        Recalls.await(f.engine, second, RecallState.ONLINE);
        assertRestored(d, original);
    }
}
