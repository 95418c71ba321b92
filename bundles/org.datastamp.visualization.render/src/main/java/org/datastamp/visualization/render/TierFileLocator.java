package org.datastamp.visualization.render;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.datastamp.catalog.api.Dataset;
import org.datastamp.storage.api.LocalFileBackend;
import org.datastamp.storage.api.ObjectOfflineException;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.visualization.api.DataUnavailableException;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.FileLocation;

/**
 * Looks for a dataset file on the tiers the catalogue lists for the dataset ({@code lifecycle.tiers}), in that
 * order: the first tier that implements {@link LocalFileBackend} and has the file online wins. A tier that has it
 * offline starts a recall, reported only if no other tier can serve the file now; {@link #readableNow} never does.
 */
public final class TierFileLocator implements DatasetFileLocator {

    private final Supplier<Collection<StorageBackend>> backends;

    public TierFileLocator(Supplier<Collection<StorageBackend>> backends) {
        this.backends = backends;
    }

    @Override
    public FileLocation locate(Dataset dataset, String path) throws DataUnavailableException {
        String key = key(dataset, path);
        List<String> tiers = dataset.lifecycle().tiers();
        FileLocation.Recalling recalling = null;
        try {
            for (String tier : tiers) {
                StorageBackend backend = backend(tier);
                if (backend == null) {
                    continue;
                }
                if (backend instanceof RecallableBackend r && !r.isOnline(key)) {
                    recalling = recalling != null ? recalling
                            : new FileLocation.Recalling(tier, r.recallStatus(r.requestRecall(List.of(key))));
                    continue;
                }
                if (backend instanceof LocalFileBackend local) {
                    try {
                        return new FileLocation.Readable(local.localFile(key));
                    } catch (ObjectOfflineException e) {
                        // Migrated between isOnline and localFile: the backend started the recall.
                        if (backend instanceof RecallableBackend r) {
                            recalling = new FileLocation.Recalling(tier, r.recallStatus(e.ticket()));
                        }
                    }
                }
            }
        } catch (StorageException e) {
            throw failed(dataset, path, e);
        }
        if (recalling != null) {
            return recalling;
        }
        throw new DataUnavailableException("No running storage tier can read " + path + " of dataset "
                + dataset.id().value() + " in place (it is kept on " + tiers + "); a hot-disk tier or a mounted"
                + " tier is needed to view it");
    }

    /** The first tier in the catalogue's order that can read the file in place now; offline tiers are passed over. */
    @Override
    public Optional<Path> readableNow(Dataset dataset, String path) throws DataUnavailableException {
        String key = key(dataset, path);
        try {
            for (String tier : dataset.lifecycle().tiers()) {
                StorageBackend backend = backend(tier);
                boolean offline = backend instanceof RecallableBackend r && !r.isOnline(key);
                if (!offline && backend instanceof LocalFileBackend local) {
                    try {
                        return Optional.of(local.localFile(key));
                    } catch (ObjectOfflineException e) {
                        // Migrated between isOnline and localFile (the backend started a recall): a rare race; go on.
                    }
                }
            }
        } catch (StorageException e) {
            throw failed(dataset, path, e);
        }
        return Optional.empty();
    }

    private static String key(Dataset dataset, String path) {
        return dataset.content().location().isEmpty() ? path : dataset.content().location() + "/" + path;
    }

    private static DataUnavailableException failed(Dataset dataset, String path, StorageException e) {
        return new DataUnavailableException("Storage could not provide " + path + " of dataset "
                + dataset.id().value() + ": " + e.getMessage(), e);
    }

    private StorageBackend backend(String tier) {
        for (StorageBackend b : backends.get()) {
            if (b.capabilityId().equals(tier)) {
                return b;
            }
        }
        return null;
    }
}
