package org.datastamp.visualization.api;

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
}
