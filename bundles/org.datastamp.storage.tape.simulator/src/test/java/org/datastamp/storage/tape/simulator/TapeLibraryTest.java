package org.datastamp.storage.tape.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.datastamp.storage.api.ObjectOfflineException;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TapeLibraryTest {

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock();

    /** 1 simulated second = 1 real millisecond; mount 15 s, unmount 15 s; 1000-byte cartridges, 100 B/s. */
    private TapeLibrary library(int drives, RecallScheduler.Strategy strategy) throws Exception {
        LibraryModel model = new LibraryModel(drives, 1000, 15, 15, 0, 100);
        return new TapeLibrary("tape-sim", root, new TapeLibrary.Settings(model, strategy, 0.001, 3600), clock);
    }

    private static InputStream bytes(int n) {
        return new ByteArrayInputStream(new byte[n]);
    }

    @Test
    void objectsAreAppendedToTheCartridgeAndANewCartridgeIsOpenedWhenFull() throws Exception {
        TapeLibrary lib = library(1, RecallScheduler.Strategy.BY_CARTRIDGE);
        lib.put("a", bytes(600));
        lib.put("b", bytes(300));
        lib.put("c", bytes(200));

        String catalogue = Files.readString(root.resolve("catalogue.tsv"));
        assertTrue(catalogue.contains("a\tDS0001L8\t0\t600\n"), catalogue);
        assertTrue(catalogue.contains("b\tDS0001L8\t600\t300\n"), catalogue);
        assertTrue(catalogue.contains("c\tDS0002L8\t0\t200\n"), catalogue);
        assertEquals(2, lib.stats().cartridgesUsed());
    }

    @Test
    void aRestartFindsEveryObjectAndKeepsAppendingAfterTheLast() throws Exception {
        TapeLibrary first = library(1, RecallScheduler.Strategy.BY_CARTRIDGE);
        first.put("raw/a.nxs", bytes(600));
        first.put("raw/b.nxs", bytes(500));

        TapeLibrary restarted = library(1, RecallScheduler.Strategy.BY_CARTRIDGE);
        restarted.put("raw/c.nxs", bytes(100));

        assertEquals(3, restarted.list("raw/").size());
        assertTrue(Files.readString(root.resolve("catalogue.tsv")).contains("raw/c.nxs\tDS0002L8\t500\t100\n"));
        assertThrows(Exception.class, () -> restarted.put("raw/a.nxs", bytes(1)), "a second write of a key");
        try (var files = Files.list(root)) {
            assertEquals(List.of("catalogue.tsv", "objects"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary catalogue left");
        }
    }

    @Test
    void readingAnOfflineObjectRequestsARecallAndSaysWhenItWillBeOnline() throws Exception {
        TapeLibrary lib = library(1, RecallScheduler.Strategy.BY_CARTRIDGE);
        lib.put("raw/a.nxs", new ByteArrayInputStream("frames".getBytes()));
        assertFalse(lib.isOnline("raw/a.nxs"), "tape is written through: not in the cache");

        ObjectOfflineException e = assertThrows(ObjectOfflineException.class, () -> lib.get("raw/a.nxs"));

        assertEquals("raw/a.nxs", e.key());
        assertTrue(e.getMessage().contains("cartridge DS0001L8"), e.getMessage());
        RecallStatus status = lib.recallStatus(e.ticket());
        assertEquals(RecallState.STAGING, status.state());
        // mount 15 s + read 6 B at 100 B/s = 15.06 simulated seconds = 15.06 ms
        assertEquals(clock.instant().plusNanos(15_060_000), status.eta());
        clock.advance(Duration.ofMillis(16));
        assertEquals(RecallState.ONLINE, lib.recallStatus(e.ticket()).state());
        try (InputStream in = lib.get("raw/a.nxs")) {
            assertArrayEquals("frames".getBytes(), in.readAllBytes());
        }
        clock.advance(Duration.ofSeconds(4)); // 4000 simulated seconds > retention of 3600
        assertFalse(lib.isOnline("raw/a.nxs"), "evicted from the cache after the retention time");
    }

    @Test
    void aRecallWaitsForABusyDriveAndReportsProgressKeyByKey() throws Exception {
        TapeLibrary lib = library(1, RecallScheduler.Strategy.BY_CARTRIDGE);
        lib.put("a", bytes(500));
        lib.put("b", bytes(500));
        lib.put("c", bytes(500)); // second cartridge
        lib.requestRecall(List.of("c")); // keeps the only drive busy for 15 + 5 = 20 s

        RecallTicket ticket = lib.requestRecall(List.of("b", "a"));

        assertEquals(RecallState.QUEUED, lib.recallStatus(ticket).state());
        clock.advance(Duration.ofMillis(20 + 15 + 15 + 5)); // unmount, mount, read a
        RecallStatus partly = lib.recallStatus(ticket);
        assertEquals(RecallState.STAGING, partly.state());
        assertEquals(1, partly.keysDone());
        assertTrue(lib.isOnline("a") && !lib.isOnline("b"), "read in position order: a before b");
        clock.advance(Duration.ofMillis(5));
        assertEquals(new RecallStatus(ticket, RecallState.ONLINE, 2, 2, clock.instant(), "2 of 2 objects online in"
                + " tape-sim"), lib.recallStatus(ticket));
        assertEquals(2, lib.stats().mounts());
        assertEquals(1500, lib.stats().bytesStreamed());
    }

    @Test
    void anUnknownTicketOrKeyIsRefusedByName() throws Exception {
        TapeLibrary lib = library(1, RecallScheduler.Strategy.BY_CARTRIDGE);

        assertEquals("tape-sim: unknown recall ticket 'recall-9' (tickets are forgotten when the simulator"
                + " restarts)", assertThrows(Exception.class,
                        () -> lib.recallStatus(new RecallTicket("recall-9"))).getMessage());
        assertEquals("No object 'raw/x' in tape-sim",
                assertThrows(Exception.class, () -> lib.requestRecall(List.of("raw/x"))).getMessage());
    }
}
