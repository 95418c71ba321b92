package org.datastamp.storage.lifecycle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.catalog.jdbc.CatalogDatabases;
import org.datastamp.storage.api.ArchivalPreparation;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageTier;

/**
 * The engine on the real JDBC catalogue (embedded H2 in a folder), a hot folder tier and a tape-like folder tier.
 * {@link #reopen} starts a fresh catalogue connection and engine over the same files, as a restart after a crash.
 */
final class Fixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final Path dir;
    final FolderBackend hot;
    final FolderTape tape;
    final Map<String, StorageBackend> backends = new ConcurrentHashMap<>();
    final List<ConfiguredPolicy> policies = new ArrayList<>();
    /** Services called before a dataset is archived (the logbook), as the component's dynamic reference holds. */
    final List<ArchivalPreparation> preparations = new java.util.concurrent.CopyOnWriteArrayList<>();
    // the catalogue stamps registrations with the real time; the engine's clock starts there and is moved by tests
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    Catalog catalog;
    /** The catalogue's database, for other services that keep their tables in it (the logbook). */
    DataSource database;
    /** The same catalogue object, as the record of copies and accesses. */
    StorageCopies copies;
    /** The catalogue's own connection that keeps its H2 file open between operations (as the platform does). */
    private Connection keepOpen;
    ExecutorService workers;
    ExecutorService restorers;
    Engine engine;

    Fixture(Path dir) throws Exception {
        this.dir = dir;
        hot = new FolderBackend("hot-disk", dir.resolve("hot"), StorageTier.HOT_DISK);
        tape = new FolderTape("tape", dir.resolve("tape"));
        backends.put(hot.id, hot);
        backends.put(tape.id, tape);
        reopen(Faults.NONE);
    }

    /** A new catalogue connection and engine over the same database and folders. */
    void reopen(Faults faults) throws Exception {
        closeQuietly();
        // A test may put the catalogue on PostgreSQL by writing its URL to <dir>/catalog-url (child processes that
        // share the folder then use it too); otherwise the embedded H2 file with the product's settings
        Path urlFile = dir.resolve("catalog-url");
        String url = Files.exists(urlFile) ? Files.readString(urlFile).strip()
                : "jdbc:h2:file:" + dir.resolve("catalog").resolve("db") + ";LOCK_TIMEOUT=120000;WRITE_DELAY=0;REUSE_SPACE=FALSE";
        database = CatalogDatabases.migrated(url,
                url.startsWith("jdbc:postgresql:") ? CatalogDatabases.Postgres.USER : "datastamp", "");
        keepOpen = database.getConnection();
        catalog = CatalogDatabases.catalog(database, (value, unit) -> new NormalizedQuantity(value, unit));
        workers = Executors.newFixedThreadPool(2);
        restorers = Executors.newFixedThreadPool(2);
        copies = (StorageCopies) catalog;
        engine = new Engine(catalog, copies, () -> Map.copyOf(backends), () -> List.copyOf(policies),
                () -> List.copyOf(preparations), workers, restorers, new Engine.Settings(dir.resolve("staging"), dir.resolve("recalls"), Duration.ofMinutes(1),
                        100), clock, faults);
        engine.clearStaging();
    }

    void policy(Map<String, String> properties) throws InvalidPolicyException {
        Policy p = PolicyParser.parse(properties);
        policies.add(new ConfiguredPolicy() {
            @Override
            public String name() {
                return p.name();
            }

            @Override
            public java.util.Optional<Policy> policy() {
                return java.util.Optional.of(p);
            }

            @Override
            public String error() {
                return "";
            }
        });
    }

    /** A dataset of {@code files} files of random content on the hot tier, recorded in the catalogue. */
    Dataset dataset(String name, String instrument, int files, int bytes) throws Exception {
        return dataset(name, instrument, files, bytes, "", "");
    }

    /** The same, recorded in a session of a proposal. */
    Dataset dataset(String name, String instrument, int files, int bytes, String proposalId, String sessionId)
            throws Exception {
        String location = "raw/2026/" + name;
        Random random = new Random(name.hashCode());
        List<Datafile> recorded = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            byte[] content = new byte[bytes];
            random.nextBytes(content);
            String path = i == 0 ? name + ".nxs" : "data/" + name + "_" + i + ".h5";
            Path file = hot.root.resolve(location).resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            recorded.add(new Datafile(path, bytes, "SHA-256", sha256(content), T0));
        }
        return catalog.register(new NewDataset(name, DatasetType.RAW, instrument, "lysozyme", location, T0,
                T0.plusSeconds(60), recorded, List.of(new MetadataEntry("sample_temperature", 295.0, "K")), "",
                proposalId, sessionId, "", "SAXS", List.of("test"), List.of()));
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private void closeQuietly() throws Exception {
        if (restorers != null) {
            restorers.shutdownNow();
            restorers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.shutdownNow();
            workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (engine != null) {
            engine.close();
        }
        if (keepOpen != null) {
            keepOpen.close(); // the last connection: H2 closes the file, as a stopped platform leaves it
            keepOpen = null;
        }
    }

    @Override
    public void close() throws Exception {
        closeQuietly();
    }

    /** A clock that moves only when the test says so. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static Collection<String> ids(Collection<Dataset> datasets) {
        return datasets.stream().map(d -> d.id().value()).toList();
    }
}
