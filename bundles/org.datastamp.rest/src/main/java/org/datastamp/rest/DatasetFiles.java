package org.datastamp.rest;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.datastamp.catalog.api.Dataset;
import org.datastamp.storage.api.LocalFileBackend;
import org.datastamp.storage.api.ObjectOfflineException;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;

/**
 * Finds a dataset file on the tiers that hold the dataset ({@code lifecycle.tiers}) as a file that can be read in
 * place. A file that is only on tape starts a recall: the caller gets the recall's status to show, not a failure.
 */
final class DatasetFiles {

    /** Where a file is: readable now, or being recalled. */
    sealed interface Located permits Readable, Recalling {
    }

    record Readable(Path file) implements Located {
    }

    record Recalling(String tier, RecallStatus status) implements Located {
    }

    private final Supplier<Collection<StorageBackend>> backends;

    DatasetFiles(Supplier<Collection<StorageBackend>> backends) {
        this.backends = backends;
    }

    Located locate(Dataset dataset, String path) throws ProblemException {
        String key = dataset.content().location().isEmpty() ? path : dataset.content().location() + "/" + path;
        List<String> tiers = dataset.lifecycle().tiers();
        Recalling recalling = null;
        try {
            for (String tier : tiers) {
                StorageBackend backend = backend(tier);
                if (backend == null) {
                    continue;
                }
                if (backend instanceof RecallableBackend r && !r.isOnline(key)) {
                    recalling = recalling != null ? recalling
                            : new Recalling(tier, r.recallStatus(r.requestRecall(List.of(key))));
                    continue;
                }
                if (backend instanceof LocalFileBackend local) {
                    try {
                        return new Readable(local.localFile(key));
                    } catch (ObjectOfflineException e) {
                        recalling = new Recalling(tier, ((RecallableBackend) backend).recallStatus(e.ticket()));
                    }
                }
            }
        } catch (StorageException | ClassCastException e) {
            throw new ProblemException(Problem.unavailable("Storage could not provide " + path + " of dataset "
                    + dataset.id().value() + ": " + e.getMessage()), e);
        }
        if (recalling != null) {
            return recalling;
        }
        throw new ProblemException(Problem.unavailable("No running storage tier can read " + path + " of dataset "
                + dataset.id().value() + " in place (it is kept on " + tiers + "); a hot-disk tier or a mounted"
                + " tier is needed to view it"));
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
