package org.datastamp.catalog.jdbc;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Ingest;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.StorageCopies;

/**
 * A process that writes to the catalogue what the storage lifecycle writes (a dataset, its copies from adoption on the
 * hot tier to release and purge, the new lifecycle) on two threads, printing each step after the catalogue has
 * acknowledged it, until it is killed. {@link CatalogueKillTest} kills it and checks that every printed step is there.
 * Arguments: JDBC URL, user, run name.
 */
public final class CatalogueWriterChild {

    /** The steps in order; a line of output is {@code <step index> <dataset id>}. */
    static final List<String> STEPS = List.of("registered", "adopted", "writing", "verified", "released", "purged",
            "archived");

    private CatalogueWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        DataSource database = CatalogDatabases.migrated(args[0], args[1], "");
        Catalog catalog = CatalogDatabases.catalog(database, (value, unit) -> new NormalizedQuantity(value, unit));
        StorageCopies copies = (StorageCopies) catalog;
        // The platform keeps one connection open for the lifetime of the catalogue (an H2 file closes with its last)
        try (var keepOpen = database.getConnection()) {
            Thread[] writers = new Thread[2];
            for (int t = 0; t < writers.length; t++) {
                int thread = t;
                writers[t] = new Thread(() -> write(catalog, copies, args[2] + "-t" + thread));
                writers[t].start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
        }
    }

    private static void write(Catalog catalog, StorageCopies copies, String prefix) {
        try {
            for (int i = 0; ; i++) {
                DatasetId id = new DatasetId(prefix + "-" + i);
                Instant now = Instant.now();
                catalog.registerAll(List.of(new Ingest(id, dataset(id, now))));
                acknowledge(0, id);
                copies.adoptVerified(id, "hot-disk", "raw/2026/" + id.value(), now);
                acknowledge(1, id);
                copies.beginCopy(id, "tape", "ocfl/" + id.value(), CopyFormat.OCFL);
                acknowledge(2, id);
                copies.markVerified(id, "tape", now);
                acknowledge(3, id);
                copies.release(id, "hot-disk", 1);
                acknowledge(4, id);
                copies.markPurged(id, "hot-disk", now);
                acknowledge(5, id);
                catalog.updateLifecycle(id, new Lifecycle(false, true, List.of("tape")));
                acknowledge(6, id);
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(3);
        }
    }

    private static NewDataset dataset(DatasetId id, Instant now) {
        return new NewDataset("Kill test " + id.value(), DatasetType.RAW, "CoSAXS", "lysozyme",
                "raw/2026/" + id.value(), now, now, List.of(new Datafile(id.value() + ".nxs", 1024, "SHA-256",
                        "0".repeat(64), now)), List.of(new MetadataEntry("sample_temperature", 295.0, "K")));
    }

    private static void acknowledge(int step, DatasetId id) {
        synchronized (System.out) {
            System.out.println(step + " " + id.value());
            System.out.flush();
        }
    }
}
