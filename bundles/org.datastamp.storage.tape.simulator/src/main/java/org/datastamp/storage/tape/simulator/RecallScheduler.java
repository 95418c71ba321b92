package org.datastamp.storage.tape.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the reading of a batch of objects on the library's drives, in simulated seconds. Pure: it changes only the
 * {@link Drive} states it is given, so the simulator and the benchmark share it. Public (in a package the bundle does
 * not export) only for releng/bench/tape-recall-figures.
 */
public final class RecallScheduler {

    /** How requests are put on drives. */
    public enum Strategy {
        /**
         * Group the batch by cartridge, read each cartridge's objects in position order in one mount, reuse a drive
         * that already holds the cartridge, give each group to the drive free first.
         */
        BY_CARTRIDGE,
        /** The baseline: serve requests one by one in arrival order (reusing a mounted cartridge if it is loaded). */
        ARRIVAL_ORDER
    }

    /** One drive's state between batches. */
    public static final class Drive {
        String mounted;
        long head;
        double freeAt;
    }

    /** Counters of work done, accumulated over batches. */
    public static final class Counters {
        long mounts;
        long bytesStreamed;
        double driveBusySeconds;

        public long mounts() {
            return mounts;
        }

        public long bytesStreamed() {
            return bytesStreamed;
        }

        public double driveBusySeconds() {
            return driveBusySeconds;
        }
    }

    private final LibraryModel model;
    private final Strategy strategy;

    public RecallScheduler(LibraryModel model, Strategy strategy) {
        this.model = model;
        this.strategy = strategy;
    }

    public static List<Drive> emptyDrives(int count) {
        List<Drive> drives = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drives.add(new Drive());
        }
        return drives;
    }

    /**
     * Schedules the batch arriving at simulated time {@code now}.
     *
     * @return for each key of the batch, the simulated time at which it has been read into the cache
     */
    public Map<String, Double> schedule(List<Placement> batch, double now, List<Drive> drives, Counters counters) {
        Map<String, Double> ready = new HashMap<>();
        if (strategy == Strategy.BY_CARTRIDGE) {
            Map<String, List<Placement>> byCartridge = new LinkedHashMap<>();
            for (Placement p : batch) {
                byCartridge.computeIfAbsent(p.cartridge(), c -> new ArrayList<>()).add(p);
            }
            for (List<Placement> group : byCartridge.values()) {
                group.sort(Comparator.comparingLong(Placement::position));
                Drive drive = pickDrive(group.get(0).cartridge(), now, drives);
                for (Placement p : group) {
                    ready.put(p.key(), read(drive, p, now, counters));
                }
            }
        } else {
            for (Placement p : batch) {
                ready.put(p.key(), read(pickDrive(p.cartridge(), now, drives), p, now, counters));
            }
        }
        return ready;
    }

    /** The drive holding the cartridge if any, else the one free first (ties: the lowest number). */
    private static Drive pickDrive(String cartridge, double now, List<Drive> drives) {
        Drive best = null;
        for (Drive d : drives) {
            if (cartridge.equals(d.mounted)) {
                return d;
            }
            if (best == null || Math.max(d.freeAt, now) < Math.max(best.freeAt, now)) {
                best = d;
            }
        }
        return best;
    }

    /** Mounts if needed, seeks, streams; returns when the object has been read. */
    private double read(Drive drive, Placement p, double now, Counters counters) {
        double start = Math.max(drive.freeAt, now);
        double t = start;
        if (!p.cartridge().equals(drive.mounted)) {
            if (drive.mounted != null) {
                t += model.unmountSeconds();
            }
            t += model.mountSeconds();
            drive.mounted = p.cartridge();
            drive.head = 0;
            counters.mounts++;
        }
        t += model.seekSeconds(drive.head, p.position()) + model.readSeconds(p.size());
        drive.head = p.position() + p.size();
        drive.freeAt = t;
        counters.bytesStreamed += p.size();
        counters.driveBusySeconds += t - start;
        return t;
    }
}
