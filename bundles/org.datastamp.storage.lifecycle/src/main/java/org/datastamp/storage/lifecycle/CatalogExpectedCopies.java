package org.datastamp.storage.lifecycle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.ConflictException;
import org.datastamp.catalog.api.CopiedFile;
import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.catalog.api.InvalidInputException;
import org.datastamp.storage.api.AuditEvent;
import org.datastamp.storage.api.Checksums;
import org.datastamp.storage.api.ExpectedCopies;
import org.datastamp.storage.api.ExpectedObject;
import org.datastamp.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the fixity audit checks, from the catalogue: every file of every dataset with a verified copy, expected on
 * each backend holding a verified copy, under that copy's own key (plain: {@code <location>/<path>}; OCFL: the file
 * in the object's content folder), with the SHA-256 recorded at ingest. Objects are named {@code <dataset id>/<path>}
 * in the audit log, so the log can be filtered by dataset. When every file of a copy was found intact (or repaired)
 * the copy's verified time is moved to now.
 */
@Component(service = ExpectedCopies.class)
public final class CatalogExpectedCopies implements ExpectedCopies {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogExpectedCopies.class);

    /** Files of one dataset audited so far in this pass, per backend. */
    private static final class Progress {
        final int files;
        final Map<String, Integer> good = new HashMap<>();
        final Set<String> bad = new HashSet<>();
        final Set<String> seen = new HashSet<>();

        Progress(int files) {
            this.files = files;
        }
    }

    /** Datasets being walked at the same time: more only when a pass was cut short; then the oldest go. */
    private static final int MAX_TRACKED = 10_000;

    private final Catalog catalog;
    private final StorageCopies copies;
    private final Clock clock;
    private final Map<DatasetId, Integer> fileCounts = new java.util.LinkedHashMap<>();
    private final Map<DatasetId, Progress> progress = new java.util.LinkedHashMap<>();

    @Activate
    public CatalogExpectedCopies(@Reference Catalog catalog, @Reference StorageCopies copies) {
        this(catalog, copies, Clock.systemUTC());
    }

    CatalogExpectedCopies(Catalog catalog, StorageCopies copies, Clock clock) {
        this.catalog = catalog;
        this.copies = copies;
        this.clock = clock;
    }

    @Override
    public List<ExpectedObject> page(String afterKey, int limit) throws StorageException {
        DatasetId afterDataset = null;
        String afterPath = null;
        if (afterKey != null && !afterKey.isEmpty()) {
            int slash = afterKey.indexOf('/');
            if (slash <= 0) {
                throw new StorageException("'" + afterKey + "' is not a key of the catalogue's expected copies"
                        + " (<dataset id>/<path>); delete the audit cursor to start the pass again");
            }
            afterDataset = new DatasetId(afterKey.substring(0, slash));
            afterPath = afterKey.substring(slash + 1);
        }
        List<ExpectedObject> objects = new ArrayList<>();
        try {
            // files that cannot be audited (no SHA-256) are skipped; an empty page would end the pass early
            while (objects.isEmpty()) {
                List<CopiedFile> files = copies.copiedFiles(afterDataset, afterPath, Math.max(1, limit));
                if (files.isEmpty()) {
                    break;
                }
                for (CopiedFile f : files) {
                    expected(f.datasetId(), f.file(), f.copies()).ifPresent(objects::add);
                    remember(f.datasetId(), f.datasetFiles());
                }
                CopiedFile last = files.get(files.size() - 1);
                afterDataset = last.datasetId();
                afterPath = last.file().path();
            }
        } catch (CatalogException e) {
            throw new StorageException("Could not read the expected copies from the catalogue: " + e.getMessage(), e);
        }
        return objects;
    }

    @Override
    public ExpectedObject find(String key) throws StorageException {
        int slash = key.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        try {
            DatasetId id = new DatasetId(key.substring(0, slash));
            String path = key.substring(slash + 1);
            Optional<Dataset> dataset = catalog.find(id, Viewer.system());
            if (dataset.isEmpty()) {
                return null;
            }
            Optional<Datafile> file = dataset.get().content().files().stream().filter(f -> f.path().equals(path))
                    .findFirst();
            if (file.isEmpty()) {
                return null;
            }
            remember(id, dataset.get().content().files().size());
            return expected(id, file.get(), copies.copies(id)).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        } catch (CatalogException e) {
            throw new StorageException("Could not read " + key + " from the catalogue: " + e.getMessage(), e);
        }
    }

    /** The file as an object expected on every backend with a verified copy; empty if it cannot be audited. */
    private static Optional<ExpectedObject> expected(DatasetId id, Datafile file, List<DatasetCopy> all) {
        List<DatasetCopy> verified = all.stream().filter(c -> c.state() == CopyState.VERIFIED).toList();
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        if (!file.checksumAlgorithm().equalsIgnoreCase("SHA-256")) {
            LOG.warn("Dataset {}: {} has a {} checksum; fixity audits need SHA-256, the file is not audited", id,
                    file.path(), file.checksumAlgorithm());
            return Optional.empty();
        }
        Map<String, String> keys = new HashMap<>();
        Set<String> backends = new HashSet<>();
        for (DatasetCopy c : verified) {
            backends.add(c.backendId());
            keys.put(c.backendId(), CopyKeys.key(c, file));
        }
        try {
            return Optional.of(new ExpectedObject(id.value() + "/" + file.path(), file.size(),
                    new Checksums(file.checksum().toLowerCase(Locale.ROOT), null), backends, keys));
        } catch (IllegalArgumentException e) {
            LOG.warn("Dataset {}: {} cannot be audited: {}", id, file.path(), e.getMessage());
            return Optional.empty();
        }
    }

    private synchronized void remember(DatasetId id, int files) {
        fileCounts.put(id, files);
        if (fileCounts.size() > MAX_TRACKED) {
            fileCounts.remove(fileCounts.keySet().iterator().next());
        }
    }

    /**
     * Counts the file's outcome per backend (its last event: a repaired copy is good); once every file of a dataset
     * was audited on a backend and all were good, records that copy as verified now.
     */
    @Override
    public void audited(ExpectedObject object, List<AuditEvent> events) throws StorageException {
        String key = object.key();
        DatasetId id = new DatasetId(key.substring(0, key.indexOf('/')));
        List<String> complete = new ArrayList<>();
        synchronized (this) {
            Integer files = fileCounts.get(id);
            if (files == null) {
                return;
            }
            Progress p = progress.computeIfAbsent(id, k -> new Progress(files));
            if (!p.seen.add(key)) {
                // the same file again (a single-object audit): start counting afresh
                progress.remove(id);
                p = new Progress(files);
                p.seen.add(key);
                progress.put(id, p);
            }
            Map<String, AuditEvent> last = new HashMap<>();
            for (AuditEvent e : events) {
                last.put(e.backendId(), e);
            }
            for (AuditEvent e : last.values()) {
                switch (e.outcome()) {
                    case OK, REPAIRED -> p.good.merge(e.backendId(), 1, Integer::sum);
                    default -> p.bad.add(e.backendId());
                }
            }
            if (p.seen.size() >= p.files) {
                for (Map.Entry<String, Integer> g : p.good.entrySet()) {
                    if (g.getValue() >= p.files && !p.bad.contains(g.getKey())) {
                        complete.add(g.getKey());
                    }
                }
                progress.remove(id);
                fileCounts.remove(id);
            } else if (progress.size() > MAX_TRACKED) {
                progress.remove(progress.keySet().iterator().next());
            }
        }
        for (String backend : complete) {
            try {
                copies.markVerified(id, backend, clock.instant());
            } catch (ConflictException | InvalidInputException e) {
                LOG.info("Dataset {}: copy on {} audited but changed meanwhile: {}", id, backend, e.getMessage());
            } catch (CatalogException e) {
                throw new StorageException("Could not record the audit of dataset " + id + " on " + backend + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
