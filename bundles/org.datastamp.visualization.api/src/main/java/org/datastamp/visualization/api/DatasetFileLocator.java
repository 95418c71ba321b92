package org.datastamp.visualization.api;

import java.nio.file.Path;
import java.util.Optional;

import org.datastamp.catalog.api.Dataset;

/**
 * Finds a catalogued dataset's file as a local file that can be read in place, on the storage tiers that hold the
 * dataset. A file only on tape starts a recall, and the caller gets its status to show instead of a failure.
 *
 * @since 1.2
 */
public interface DatasetFileLocator {

    /**
     * Where {@code path} (a file of the dataset, relative to its location) can be read.
     *
     * @throws DataUnavailableException if no running tier can read it in place, or storage failed (the message says
     *                                  which)
     */
    FileLocation locate(Dataset dataset, String path) throws DataUnavailableException;

    /**
     * Where {@code path} can be read now, never starting a recall: for previews (thumbnails) that are not worth
     * bringing a file back from tape. The default knows no such place.
     *
     * @return the local file, or empty if only an offline tier (or no running tier) holds it
     * @throws DataUnavailableException if storage failed (the message says which)
     * @since 1.4
     */
    default Optional<Path> readableNow(Dataset dataset, String path) throws DataUnavailableException {
        return Optional.empty();
    }
}
