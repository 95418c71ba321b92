package org.datastamp.storage.tape.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecallSchedulerTest {

    /** mount 10 s, unmount 5 s, full seek 100 s over 1000 bytes, 10 B/s. */
    private static final LibraryModel ONE_DRIVE = new LibraryModel(1, 1000, 10, 5, 100, 10);

    private final List<Placement> interleaved = List.of(new Placement("x2", "A", 500, 10),
            new Placement("y", "B", 0, 10), new Placement("x1", "A", 0, 10));

    @Test
    void recallGroupsRequestsByCartridgeAndReadsThemInPositionOrder() {
        RecallScheduler.Counters counters = new RecallScheduler.Counters();

        Map<String, Double> ready = new RecallScheduler(ONE_DRIVE, RecallScheduler.Strategy.BY_CARTRIDGE)
                .schedule(interleaved, 0, RecallScheduler.emptyDrives(1), counters);

        // A: mount 10, x1 read 1 -> 11; seek 490 B = 49 s, read 1 -> 61; B: unmount 5, mount 10, read 1 -> 77
        assertEquals(Map.of("x1", 11.0, "x2", 61.0, "y", 77.0), ready);
        assertEquals(2, counters.mounts);
        assertEquals(30, counters.bytesStreamed);
    }

    @Test
    void arrivalOrderRemountsAndSeeksBackAndForth() {
        RecallScheduler.Counters counters = new RecallScheduler.Counters();

        Map<String, Double> ready = new RecallScheduler(ONE_DRIVE, RecallScheduler.Strategy.ARRIVAL_ORDER)
                .schedule(interleaved, 0, RecallScheduler.emptyDrives(1), counters);

        // x2: mount 10 + seek 50 + read 1 = 61; y: 5 + 10 + 1 -> 77; x1: 5 + 10 + 1 -> 93
        assertEquals(Map.of("x2", 61.0, "y", 77.0, "x1", 93.0), ready);
        assertEquals(3, counters.mounts);
    }

    @Test
    void cartridgesAreSpreadOverFreeDrivesAndAMountedCartridgeIsReused() {
        List<RecallScheduler.Drive> drives = RecallScheduler.emptyDrives(2);
        RecallScheduler scheduler = new RecallScheduler(ONE_DRIVE, RecallScheduler.Strategy.BY_CARTRIDGE);
        RecallScheduler.Counters counters = new RecallScheduler.Counters();

        Map<String, Double> ready = scheduler.schedule(List.of(new Placement("a", "A", 0, 10),
                new Placement("b", "B", 0, 10)), 0, drives, counters);
        Map<String, Double> again = scheduler.schedule(List.of(new Placement("b2", "B", 10, 10)), 100, drives,
                counters);

        assertEquals(Map.of("a", 11.0, "b", 11.0), ready, "both cartridges mounted in parallel");
        assertEquals(Map.of("b2", 101.0), again, "B is still in its drive, the head right behind b");
        assertEquals(2, counters.mounts);
    }
}
