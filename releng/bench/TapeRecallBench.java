import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.datastamp.storage.tape.simulator.LibraryModel;
import org.datastamp.storage.tape.simulator.Placement;
import org.datastamp.storage.tape.simulator.RecallScheduler;

/**
 * Recall scheduling on a simulated LTO-8 library: random recalls of objects spread over full cartridges, planned
 * by the simulator's per-cartridge scheduler and by the naive arrival-order baseline in the same run, on the same
 * requests. Requests arrive in batches (one recall request each); a batch of 1000 is a bulk restore, batches of 20
 * every 5 simulated minutes are users' requests trickling in.
 * Arguments: recalls cartridges drives seed.
 */
public final class TapeRecallBench {

    private static final long GB = 1_000_000_000L;

    public static void main(String[] args) {
        int recalls = Integer.parseInt(args.length > 0 ? args[0] : "1000");
        int cartridges = Integer.parseInt(args.length > 1 ? args[1] : "200");
        int drives = Integer.parseInt(args.length > 2 ? args[2] : "6");
        long seed = Long.parseLong(args.length > 3 ? args[3] : "42");
        LibraryModel lto8 = LibraryModel.LTO8;
        LibraryModel model = new LibraryModel(drives, lto8.cartridgeBytes(), lto8.mountSeconds(),
                lto8.unmountSeconds(), lto8.fullSeekSeconds(), lto8.streamingBytesPerSecond());
        Random random = new Random(seed);
        List<Placement> objects = fill(cartridges, model.cartridgeBytes(), random);
        List<Placement> requests = new ArrayList<>();
        for (int i = 0; i < recalls; i++) {
            requests.add(objects.get(random.nextInt(objects.size())));
        }
        long distinct = requests.stream().map(Placement::cartridge).distinct().count();
        double meanGb = requests.stream().mapToLong(Placement::size).average().orElse(0) / GB;
        System.out.printf("%d recalls of %d objects on %d LTO-8 cartridges (%d distinct cartridges hit, mean object"
                + " %.1f GB), %d drives; mount %.0f s, unmount %.0f s, full seek %.0f s, %.0f MB/s%n", recalls,
                objects.size(), cartridges, distinct, meanGb, drives, model.mountSeconds(), model.unmountSeconds(),
                model.fullSeekSeconds(), model.streamingBytesPerSecond() / 1e6);
        System.out.println("| arrival | scheduler | mounts | total time (h) | mean wait (h) | drive busy (h) |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (int[] batching : new int[][] { { recalls, 0 }, { 20, 300 } }) {
            for (RecallScheduler.Strategy strategy : List.of(RecallScheduler.Strategy.ARRIVAL_ORDER,
                    RecallScheduler.Strategy.BY_CARTRIDGE)) {
                run(model, strategy, requests, batching[0], batching[1]);
            }
        }
    }

    /** Cartridges filled to the end with objects of mixed sizes: 70% 0.1-1 GB, 25% 1-20 GB, 5% 20-200 GB. */
    private static List<Placement> fill(int cartridges, long capacity, Random random) {
        List<Placement> objects = new ArrayList<>();
        int n = 0;
        for (int c = 1; c <= cartridges; c++) {
            String barcode = String.format("DS%04dL8", c);
            long position = 0;
            while (true) {
                double kind = random.nextDouble();
                double low = kind < 0.70 ? 0.1 : kind < 0.95 ? 1 : 20;
                double high = kind < 0.70 ? 1 : kind < 0.95 ? 20 : 200;
                long size = (long) (GB * Math.exp(Math.log(low) + random.nextDouble() * Math.log(high / low)));
                if (position + size > capacity) {
                    break;
                }
                objects.add(new Placement("obj-" + n++, barcode, position, size));
                position += size;
            }
        }
        return objects;
    }

    private static void run(LibraryModel model, RecallScheduler.Strategy strategy, List<Placement> requests,
            int batchSize, double secondsBetweenBatches) {
        RecallScheduler scheduler = new RecallScheduler(model, strategy);
        List<RecallScheduler.Drive> drives = RecallScheduler.emptyDrives(model.drives());
        RecallScheduler.Counters counters = new RecallScheduler.Counters();
        double end = 0;
        double waited = 0;
        int count = 0;
        for (int from = 0; from < requests.size(); from += batchSize) {
            double arrival = (from / batchSize) * secondsBetweenBatches;
            // Each request recalls one object; the same object asked twice in a batch is read once (as a cache).
            List<Placement> batch = requests.subList(from, Math.min(requests.size(), from + batchSize));
            Map<String, Double> ready = scheduler.schedule(dedupe(batch), arrival, drives, counters);
            for (Placement p : batch) {
                double at = ready.get(p.key());
                end = Math.max(end, at);
                waited += at - arrival;
                count++;
            }
        }
        String arrival = batchSize >= requests.size() ? "one batch of " + requests.size()
                : "batches of " + batchSize + " every " + (int) secondsBetweenBatches + " s";
        System.out.printf("| %s | %s | %d | %.1f | %.1f | %.1f |%n", arrival, strategy, counters.mounts(), end / 3600,
                waited / count / 3600, counters.driveBusySeconds() / 3600);
    }

    private static List<Placement> dedupe(List<Placement> batch) {
        Map<String, Placement> byKey = new LinkedHashMap<>();
        batch.forEach(p -> byKey.putIfAbsent(p.key(), p));
        return new ArrayList<>(byKey.values());
    }
}
