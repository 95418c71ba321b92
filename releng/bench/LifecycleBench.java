import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.jdbc.CatalogComponent;
import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.MigrationSummary;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;
import org.datastamp.storage.disk.HotDiskStorage;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.lifecycle.CapacityPlanner;
import org.datastamp.storage.lifecycle.LifecycleEngine;
import org.datastamp.storage.s3.CloudS3Storage;
import org.datastamp.storage.testing.S3ProxyServer;
import org.datastamp.storage.lifecycle.PolicyComponent;
import org.datastamp.storage.tape.simulator.LibraryModel;
import org.datastamp.storage.tape.simulator.RecallScheduler;
import org.datastamp.storage.tape.simulator.TapeSimulatorBackend;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Migration throughput of the lifecycle engine (hot disk -> disk-backed tier, plain and OCFL; hot disk -> tape
 * simulator, OCFL; hot disk -> S3 tier on a loopback S3Proxy, plain, with the SDK's PutObject as its own baseline),
 * each copy read back and its SHA-256 verified, against a plain Java file copy of the same files
 * (with fsync) measured in the same run; then recall planning for N datasets spread over many cartridges: one
 * prepare for all of them against one prepare per dataset (the simulated time until all are online).
 * Arguments: datasets filesPerDataset maxFileMiB recallDatasets workDir.
 */
public final class LifecycleBench {

    static final long MIB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        // engines left by a failed run keep non-daemon threads: end the JVM either way
        System.exit(0);
    }

    static void run(String[] args) throws Exception {
        int datasets = Integer.parseInt(args[0]);
        int files = Integer.parseInt(args[1]);
        int maxMiB = Integer.parseInt(args[2]);
        int recallDatasets = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]).toAbsolutePath();
        int planningDatasets = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        deleteTree(work);
        Path pristine = work.resolve("pristine");
        long bytes = makeFiles(pristine, datasets, files, maxMiB);
        System.out.printf("%d datasets x %d files (1 KiB .. %d MiB, mixed), %.1f MiB in all; every copy is read back"
                + " and its SHA-256 compared with the catalogue%n", datasets, files, maxMiB, bytes / (double) MIB);
        System.out.println("| run | seconds | MiB/s | % of plain copy | CPU s (process) |");
        System.out.println("| --- | --- | --- | --- | --- |");
        double baseline = plainCopy(pristine, work.resolve("baseline"), bytes);
        row("plain Java copy + fsync (baseline)", bytes, baseline, baseline);
        for (String target : List.of("disk-plain", "disk-ocfl", "tape-sim-ocfl")) {
            double seconds = migrate(work.resolve(target), pristine, target, datasets, null);
            row("engine hot disk -> " + target, bytes, seconds, baseline);
        }
        s3(work.resolve("s3"), pristine, datasets, bytes, baseline);
        recallPlanning(work.resolve("recall"), recallDatasets);
        if (planningDatasets > 0) {
            roundPlanning(work.resolve("planning"), planningDatasets);
        }
        deleteTree(work);
    }

    /**
     * A round over N settled datasets (a verified copy on hot disk and on a second tier each, used today, policy
     * "keep a copy on the second tier, move to a third after 30 days"): the engine's round, which asks the catalogue only for datasets with
     * work, against the former planning, which read every dataset with two queries each (timed over the first
     * 20,000 and scaled to N). Datasets and copies are seeded with SQL.
     */
    static void roundPlanning(Path dir, int n) throws Exception {
        CatalogComponent catalog = catalog(dir);
        String url = "jdbc:h2:file:" + dir.resolve("catalog/datastamp") + ";LOCK_TIMEOUT=120000;WRITE_DELAY=0";
        long seedStart = System.nanoTime();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "datastamp", "");
                java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO dataset (id, title, dataset_type, instrument, sample_name, location,"
                    + " start_time, end_time, created, public_from) SELECT 'ds-' || LPAD(CAST(X AS VARCHAR), 9, '0'),"
                    + " 'bench', 'RAW', 'BenchLine', 's', 'raw/bench/' || X, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, " + n + ")");
            s.executeUpdate("INSERT INTO datafile (dataset_id, ordinal, path, size_bytes, checksum_algorithm, checksum,"
                    + " modified) SELECT id, 0, 'f.h5', 1000, 'SHA-256', REPEAT('0', 64), created FROM dataset");
            s.executeUpdate("INSERT INTO dataset_copy (dataset_id, backend, key_prefix, format, state, verified_at,"
                    + " updated) SELECT id, 'hot-disk', location, 'PLAIN', 'VERIFIED', created, created FROM dataset");
            s.executeUpdate("INSERT INTO dataset_copy (dataset_id, backend, key_prefix, format, state, verified_at,"
                    + " updated) SELECT id, 'cloud-disk', location, 'PLAIN', 'VERIFIED', created, created FROM dataset");
        }
        double seed = (System.nanoTime() - seedStart) / 1e9;
        HotDiskStorage hot = new HotDiskStorage();
        activate(hot, HotDiskStorage.class, config(HotDiskStorage.Config.class, Map.of("root",
                dir.resolve("hot").toString(), "fsync", false)));
        LifecycleEngine engine = engine(dir, catalog);
        engine.addBackend(hot);
        engine.addBackend(new FolderTier("archive-disk", dir.resolve("archive")));
        engine.addBackend(new FolderTier("cloud-disk", dir.resolve("cloud")));
        PolicyComponent policy = new PolicyComponent();
        policy.configure(Map.of("name", "bench", "keepCopyOn", "cloud-disk", "moveTo", "archive-disk",
                "moveAfterDaysWithoutAccess", "30", "minVerifiedCopies", "1", "packageFormat", "plain"));
        engine.addPolicy(policy);
        long start = System.nanoTime();
        MigrationSummary summary = engine.migrateNow();
        double round = (System.nanoTime() - start) / 1e9;
        if (!summary.copied().isEmpty() || !summary.released().isEmpty() || !summary.failed().isEmpty()) {
            throw new IllegalStateException("planning round did work: " + summary);
        }
        org.datastamp.storage.api.PolicyStatus status = engine.policies().get(0);
        if (!status.valid() || status.datasets() != n) {
            throw new IllegalStateException("the bench policy did not cover the datasets: " + status);
        }
        int sample = Math.min(n, 20_000);
        start = System.nanoTime();
        int read = 0;
        for (int offset = 0; read < sample; offset += 1000) {
            for (Dataset d : catalog.list(org.datastamp.catalog.api.Viewer.system(), offset, 1000)) {
                catalog.copies(d.id());
                catalog.lastAccess(d.id());
                read++;
            }
        }
        double former = (System.nanoTime() - start) / 1e9 * n / sample;
        System.out.printf("%nRound planning over %,d settled datasets (seeded by SQL in %.1f s):%n", n, seed);
        System.out.println("| planning | seconds |");
        System.out.println("| --- | --- |");
        System.out.printf("| every dataset read, 2 queries each (former; %,d timed, scaled) | %.1f |%n", sample, former);
        System.out.printf("| catalogue selects datasets with work (now) | %.2f |%n", round);
        planningReport(url, n, hot);
        engine.deactivate();
        close(catalog);
    }

    /**
     * The CPU time of this process (all threads: copies, digests, H2, JIT, GC) over the last timed run: on a shared,
     * loaded machine the wall time depends on what the neighbours do, the CPU time much less.
     */
    static double lastCpu;

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The capacity planning report over the same catalogue (N datasets with two verified copies each, all registered
     * this month): the SQL aggregates per tier and the 12 month queries, timed over three reports after one warm-up.
     */
    static void planningReport(String url, int n, HotDiskStorage hot) throws Exception {
        org.h2.jdbcx.JdbcDataSource database = new org.h2.jdbcx.JdbcDataSource();
        database.setURL(url);
        database.setUser("datastamp");
        // maxAgeSeconds 0: every report reads the catalogue (the product reuses one for 5 minutes)
        CapacityPlanner planner = new CapacityPlanner(config(CapacityPlanner.Config.class,
                Map.of("budgetPerYear", 10_000.0, "maxAgeSeconds", 0)),
                Map.of("costPerTbYear.hot-disk", 60, "costPerTbYear.cloud-disk", 25), database);
        planner.addBackend(hot);
        PlanningReport report = planner.report();
        if (report.tiers().stream().mapToLong(t -> t.datasets()).sum() != 2L * n) {
            throw new IllegalStateException("the report did not count every copy: " + report.tiers());
        }
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            planner.report();
        }
        double seconds = (System.nanoTime() - start) / 1e9 / 3;
        System.out.printf("| capacity planning report (2 tiers, 12 months; %,d copies) | %.2f |%n", 2L * n, seconds);
    }

    static void row(String run, long bytes, double seconds, double baseline) {
        System.out.printf("| %s | %.2f | %.0f | %.0f %% | %.2f |%n", run, seconds, bytes / (double) MIB / seconds,
                100 * baseline / seconds, lastCpu);
    }

    /** Sizes spread log-uniformly from 1 KiB to maxMiB, the same every run (seed 42). */
    static long makeFiles(Path root, int datasets, int files, int maxMiB) throws IOException {
        Random random = new Random(42);
        byte[] block = new byte[(int) MIB];
        random.nextBytes(block);
        long total = 0;
        for (int d = 0; d < datasets; d++) {
            for (int f = 0; f < files; f++) {
                double exponent = random.nextDouble() * Math.log(maxMiB * 1024.0);
                long size = (long) (1024 * Math.exp(exponent));
                Path file = root.resolve(name(d)).resolve("file-" + f + ".h5");
                Files.createDirectories(file.getParent());
                try (var out = Files.newOutputStream(file)) {
                    long left = size;
                    block[0] = (byte) d;
                    block[1] = (byte) f;
                    while (left > 0) {
                        int n = (int) Math.min(left, block.length);
                        out.write(block, 0, n);
                        left -= n;
                    }
                }
                total += size;
            }
        }
        return total;
    }

    static String name(int d) {
        return String.format("scan-%06d", d);
    }

    static double plainCopy(Path from, Path to, long bytes) throws IOException {
        dropCaches();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f));
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
                try (FileChannel c = FileChannel.open(target, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        lastCpu = (processCpuNanos() - cpu) / 1e9;
        return seconds;
    }

    /** The page cache is left as is (no root needed); the baseline runs first on cold files, the engine after. */
    static void dropCaches() {
    }

    /**
     * Hot disk -> S3 tier (S3Proxy on loopback, filesystem storage, as releng/bench/storage-figures starts it), plain
     * files, each read back through the tier; baseline in the same run: the AWS SDK's PutObject of the same files
     * from disk into the same server, one after the other (no read-back).
     */
    static void s3(Path dir, Path pristine, int datasets, long bytes, double baseline) throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start(Files.createDirectories(dir.resolve("s3proxy")), "bench")) {
            Path secret = Files.writeString(dir.resolve("s3-secret"), S3ProxyServer.SECRET);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(pristine)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            try (S3Client raw = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                    .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET)))
                    .build()) {
                // warms up both JVMs (S3Proxy's and ours); not counted
                for (Path f : files.subList(0, Math.min(files.size(), 20))) {
                    raw.putObject(b -> b.bucket("bench").key("warm-up/" + pristine.relativize(f)),
                            RequestBody.fromFile(f));
                }
                long cpu = processCpuNanos();
                long start = System.nanoTime();
                for (Path f : files) {
                    raw.putObject(b -> b.bucket("bench").key("sdk/" + pristine.relativize(f)), RequestBody.fromFile(f));
                }
                double sdk = (System.nanoTime() - start) / 1e9;
                lastCpu = (processCpuNanos() - cpu) / 1e9;
                row("S3 baseline: SDK PutObject of the same files, loopback S3Proxy", bytes, sdk, baseline);
                CloudS3Storage tier = new CloudS3Storage();
                Method activate = CloudS3Storage.class.getDeclaredMethod("activate", CloudS3Storage.Config.class);
                activate.setAccessible(true);
                activate.invoke(tier, config(CloudS3Storage.Config.class, Map.of("capabilityId", "cloud-s3",
                        "endpoint", server.endpoint().toString(), "bucket", "bench", "accessKey",
                        S3ProxyServer.ACCESS_KEY, "secretFile", secret.toString())));
                double seconds = migrate(dir, pristine, "s3-plain", datasets, tier);
                System.out.printf("| engine hot disk -> s3-plain (%.0f %% of the SDK PutObject baseline) | %.2f | %.0f"
                        + " | %.0f %% | %.2f |%n", 100 * sdk / seconds, seconds, bytes / (double) MIB / seconds,
                        100 * baseline / seconds, lastCpu);
            }
        }
    }

    static double migrate(Path dir, Path pristine, String target, int datasets, StorageBackend given)
            throws Exception {
        CatalogComponent catalog = catalog(dir);
        HotDiskStorage hot = new HotDiskStorage();
        activate(hot, HotDiskStorage.class, config(HotDiskStorage.Config.class, Map.of("root",
                dir.resolve("hot").toString(), "fsync", true)));
        List<Dataset> registered = new ArrayList<>();
        for (int d = 0; d < datasets; d++) {
            registered.add(register(catalog, hot, pristine.resolve(name(d)), "raw/2026/" + name(d)));
        }
        StorageBackend archive = given != null ? given : target.startsWith("tape") ? tapeSimulator(dir.resolve("tape"), 12_000_000_000_000L, 0.001, 3600)
                : new FolderTier("archive-disk", dir.resolve("archive"));
        LifecycleEngine engine = engine(dir, catalog);
        engine.addBackend(hot);
        engine.addBackend(archive);
        PolicyComponent policy = new PolicyComponent();
        // "keep a copy from ingest": every dataset is copied at once, the hot copy stays (so only the copy is timed)
        policy.configure(Map.of("name", "bench", "keepCopyOn", archive.capabilityId(), "minVerifiedCopies", "2",
                "packageFormat", target.endsWith("plain") ? "plain" : "ocfl"));
        engine.addPolicy(policy);
        adopt(catalog, registered);
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        MigrationSummary summary = engine.migrateNow();
        double seconds = (System.nanoTime() - start) / 1e9;
        lastCpu = (processCpuNanos() - cpu) / 1e9;
        if (summary.copied().size() != datasets || !summary.failed().isEmpty()) {
            throw new IllegalStateException(target + ": " + summary);
        }
        engine.deactivate();
        close(catalog);
        return seconds;
    }

    /** Records the ingest copies as verified before the timed round, so that it times the copies alone. */
    static void adopt(CatalogComponent catalog, List<Dataset> datasets) throws Exception {
        for (Dataset d : datasets) {
            catalog.adoptVerified(d.id(), "hot-disk", d.content().location(), Instant.now());
        }
    }

    static Dataset register(CatalogComponent catalog, StorageBackend hot, Path folder, String location)
            throws Exception {
        List<Datafile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.sorted().toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new java.security.DigestInputStream(Files.newInputStream(f), sha)) {
                    hot.put(location + "/" + f.getFileName(), in);
                }
                files.add(new Datafile(f.getFileName().toString(), Files.size(f), "SHA-256",
                        HexFormat.of().formatHex(sha.digest()), Instant.now()));
            }
        }
        return catalog.register(new NewDataset(folder.getFileName().toString(), DatasetType.RAW, "BenchLine", "",
                location, Instant.now(), Instant.now(), files, List.of()));
    }

    /** N small datasets on a tape library whose cartridges hold a few each, recalled in one or N requests. */
    static void recallPlanning(Path dir, int n) throws Exception {
        CatalogComponent catalog = catalog(dir);
        HotDiskStorage hot = new HotDiskStorage();
        activate(hot, HotDiskStorage.class, config(HotDiskStorage.Config.class, Map.of("root",
                dir.resolve("hot").toString(), "fsync", false)));
        Path one = dir.resolve("one");
        byte[] content = new byte[256 * 1024];
        new Random(7).nextBytes(content);
        List<Dataset> registered = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            Path folder = one.resolve(name(d));
            Files.createDirectories(folder);
            content[0] = (byte) d;
            content[1] = (byte) (d >> 8);
            Files.write(folder.resolve("frames.h5"), content);
            registered.add(register(catalog, hot, folder, "raw/2026/" + name(d)));
        }
        // 800 kB cartridges: 3 datasets each, so N datasets lie on N/3 cartridges; 1 ms real per simulated s
        // objects recalled to verify the copies leave the drive cache after 600 simulated s, before the recall
        TapeSimulatorBackend tape = tapeSimulator(dir.resolve("tape"), 800_000, 1e-3, 600);
        LifecycleEngine engine = engine(dir, catalog);
        engine.addBackend(hot);
        engine.addBackend(tape);
        PolicyComponent policy = new PolicyComponent();
        // "move when the hot tier is above 1 % full": the real disk is, so every dataset moves now
        policy.configure(Map.of("name", "recall", "moveTo", "tape-sim", "moveWhenHotAbovePercent", "1",
                "minVerifiedCopies", "1", "packageFormat", "plain"));
        engine.addPolicy(policy);
        adopt(catalog, registered);
        MigrationSummary moved = engine.migrateNow();
        if (moved.failed().size() > 0 || moved.released().size() != n) {
            throw new IllegalStateException("recall setup: " + moved);
        }
        Thread.sleep(1000);
        List<String> ids = new ArrayList<>();
        Random random = new Random(42);
        for (Dataset d : registered) {
            ids.add(d.id().value());
        }
        java.util.Collections.shuffle(ids, random);
        System.out.printf("%nRecall (restored to the hot disk, verified) of %d datasets (256 KiB each, plain copies)"
                + " spread over %d simulated cartridges (3 per cartridge), 6 drives, LTO-8 timings; half in one"
                + " request, the other half one request each:%n", n, (n + 2) / 3);
        System.out.println("| requests | prepare, all requests (ms, real) | all online after (simulated h) |");
        System.out.println("| --- | --- | --- |");
        // a recall restores its datasets to the hot disk, so each way recalls its own half of the (shuffled) datasets
        int half = n / 2;
        double batched = recall(engine, List.of(ids.subList(0, half)), 1e-3);
        double batchedMillis = lastPrepareMillis;
        List<List<String>> single = ids.subList(half, 2 * half).stream().map(List::of).toList();
        double perDataset = recall(engine, single, 1e-3);
        System.out.printf("| one prepare for %d datasets | %.0f | %.2f |%n", half, batchedMillis, batched / 3600);
        System.out.printf("| one prepare per dataset (%d other datasets, baseline) | %.0f | %.2f |%n", half,
                lastPrepareMillis, perDataset / 3600);
        engine.deactivate();
        close(catalog);
    }

    static double lastPrepareMillis;

    /** Time until every dataset of every request is online, in simulated seconds. */
    static double recall(LifecycleEngine engine, List<List<String>> requests, double timeScale) throws Exception {
        Instant start = Instant.now();
        List<RecallTicket> tickets = new ArrayList<>();
        Instant last = start;
        double millis = 0;
        for (List<String> request : requests) {
            long p0 = System.nanoTime();
            RecallTicket ticket = engine.prepare(request, "bench");
            millis += (System.nanoTime() - p0) / 1e6;
            tickets.add(ticket);
            Instant eta = engine.status(ticket).eta();
            if (eta != null && eta.isAfter(last)) {
                last = eta;
            }
        }
        lastPrepareMillis = millis;
        for (RecallTicket t : tickets) {
            RecallStatus s = engine.status(t);
            while (s.state() != RecallState.ONLINE) {
                if (s.state() == RecallState.FAILED) {
                    throw new IllegalStateException(s.message());
                }
                if (s.eta() != null && s.eta().isAfter(last)) {
                    last = s.eta();
                }
                Thread.sleep(5);
                s = engine.status(t);
            }
        }
        return Duration.between(start, last).toNanos() / 1e9 / timeScale;
    }

    // --- components outside a framework

    static CatalogComponent catalog(Path dir) throws Exception {
        String catalogUrl = "jdbc:h2:file:" + dir.resolve("catalog/datastamp") + ";LOCK_TIMEOUT=120000;WRITE_DELAY=0";
        return new CatalogComponent(config(CatalogComponent.Config.class, Map.of("jdbcUrl", catalogUrl,
                "user", "datastamp", "password", "", "defaultEmbargo", "P3Y", "maxConnections", 4)), noFramework(),
                (value, unit) -> new NormalizedQuantity(value, unit));
    }

    /** A bundle context outside a framework: the catalogue registers its data source (unused here) through it. */
    static org.osgi.framework.BundleContext noFramework() {
        ClassLoader loader = LifecycleBench.class.getClassLoader();
        Object registration = java.lang.reflect.Proxy.newProxyInstance(loader,
                new Class<?>[] { org.osgi.framework.ServiceRegistration.class }, (proxy, method, args) -> null);
        return (org.osgi.framework.BundleContext) java.lang.reflect.Proxy.newProxyInstance(loader,
                new Class<?>[] { org.osgi.framework.BundleContext.class },
                (proxy, method, args) -> method.getName().equals("registerService") ? registration : null);
    }

    static LifecycleEngine engine(Path dir, CatalogComponent catalog) throws Exception {
        return new LifecycleEngine(config(LifecycleEngine.Config.class, Map.of("intervalSeconds", 0, "workers", 2,
                "queueCapacity", 64, "stagingDir", dir.resolve("staging").toString(), "recallWaitMinutes", 60,
                "maxTickets", 100_000)), null, catalog, catalog);
    }

    /**
     * The simulator with a cartridge size of our choosing (its configuration counts whole GB): built as its
     * component does, through its package-private constructors.
     */
    static TapeSimulatorBackend tapeSimulator(Path root, long cartridgeBytes, double timeScale, double retention)
            throws Exception {
        LibraryModel model = new LibraryModel(6, cartridgeBytes, 15, 15, 100, 360e6);
        Class<?> settingsType = Class.forName("org.datastamp.storage.tape.simulator.TapeLibrary$Settings");
        Constructor<?> settings = settingsType.getDeclaredConstructors()[0];
        settings.setAccessible(true);
        Class<?> libraryType = Class.forName("org.datastamp.storage.tape.simulator.TapeLibrary");
        Constructor<?> library = libraryType.getDeclaredConstructor(String.class, Path.class, settingsType,
                Clock.class);
        library.setAccessible(true);
        Constructor<TapeSimulatorBackend> backend = TapeSimulatorBackend.class.getDeclaredConstructor(String.class,
                libraryType);
        backend.setAccessible(true);
        return backend.newInstance("tape-sim", library.newInstance("tape-sim", root, settings.newInstance(model,
                RecallScheduler.Strategy.BY_CARTRIDGE, timeScale, retention), Clock.systemUTC()));
    }

    /** DS activate methods are package-private: called as SCR would, by reflection. */
    static void activate(Object component, Class<?> type, Object config) throws Exception {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals("activate")) {
                m.setAccessible(true);
                m.invoke(component, config, null);
                return;
            }
        }
        throw new IllegalStateException("no activate in " + type);
    }

    /** An instance of a component's configuration annotation with the given values (defaults otherwise). */
    @SuppressWarnings("unchecked")
    static <A extends Annotation> A config(Class<A> type, Map<String, Object> values) {
        return (A) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return type;
                    }
                    Object v = values.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
    }

    static void close(CatalogComponent catalog) throws Exception {
        Method m = CatalogComponent.class.getDeclaredMethod("deactivate");
        m.setAccessible(true);
        m.invoke(catalog);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A disk-backed archive tier: files under a folder, written to a hidden temp file, fsynced, renamed. */
    static final class FolderTier implements ManagedBackend {
        private final String id;
        private final Path root;

        FolderTier(String id, Path root) {
            this.id = id;
            this.root = root;
        }

        @Override
        public String capabilityId() {
            return id;
        }

        @Override
        public String displayName() {
            return id;
        }

        @Override
        public StorageTier tier() {
            return StorageTier.CLOUD;
        }

        @Override
        public void put(String key, InputStream content) throws StorageException {
            Path target = root.resolve(key);
            try {
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
                try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    content.transferTo(java.nio.channels.Channels.newOutputStream(c));
                    c.force(true);
                }
                Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new StorageException(id + ": " + e, e);
            }
        }

        @Override
        public InputStream get(String key) throws StorageException {
            try {
                return Files.newInputStream(root.resolve(key));
            } catch (IOException e) {
                throw new StorageException(id + ": " + e, e);
            }
        }

        @Override
        public boolean contains(String key) {
            return Files.isRegularFile(root.resolve(key));
        }

        @Override
        public ObjectInfo stat(String key) throws StorageException {
            try {
                return new ObjectInfo(key, Files.size(root.resolve(key)));
            } catch (IOException e) {
                throw new StorageException(id + ": " + e, e);
            }
        }

        @Override
        public List<ObjectInfo> list(String prefix) throws StorageException {
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                        .filter(k -> k.startsWith(prefix)).sorted().map(k -> new ObjectInfo(k, 0)).toList();
            } catch (IOException e) {
                throw new StorageException(id + ": " + e, e);
            }
        }

        @Override
        public void delete(String key) throws StorageException {
            try {
                Files.delete(root.resolve(key));
            } catch (IOException e) {
                throw new StorageException(id + ": " + e, e);
            }
        }
    }
}
