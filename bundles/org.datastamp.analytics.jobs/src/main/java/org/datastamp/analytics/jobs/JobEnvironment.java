package org.datastamp.analytics.jobs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.visualization.api.DatasetFileLocator;

/**
 * What jobs run with: settings, the jobs table, the catalogue, the plugins, and the services that come and go (file
 * locator, storage tiers, unit check), read when a job needs them.
 *
 * @param knownUnit whether the catalogue accepts a unit symbol (provenance records a parameter with its unit then)
 */
record JobEnvironment(Settings settings, JobStore store, Catalog catalog, Plugins plugins,
        Supplier<Optional<DatasetFileLocator>> locator, Function<String, Optional<StorageBackend>> tiers,
        Predicate<String> knownUnit, Clock clock) {

    /**
     * @param workers       jobs running at once
     * @param queueCapacity jobs waiting for a worker before submissions are refused
     * @param recallPoll    pause between asking again for input files being recalled
     * @param outputTier    capability id of the storage tier derived datasets are stored in
     * @param staging       folder plugins write into before their files are stored
     */
    record Settings(int workers, int queueCapacity, Duration recallPoll, String outputTier, Path staging) {

        Settings {
            if (workers < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("The job service needs at least one worker and a queue of at least"
                        + " one job, got " + workers + " workers and a queue of " + queueCapacity);
            }
        }
    }
}
