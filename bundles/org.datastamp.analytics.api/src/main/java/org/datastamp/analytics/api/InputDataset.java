package org.datastamp.analytics.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.datastamp.catalog.api.Dataset;

/**
 * An input of a job: the catalogued dataset and where each of its files can be read now (online, recalled if needed).
 *
 * @param dataset the dataset
 * @param files   its files by path relative to the dataset's location, each a local file readable in place
 */
public record InputDataset(Dataset dataset, Map<String, Path> files) {

    public InputDataset {
        Objects.requireNonNull(dataset, "dataset");
        files = Map.copyOf(files);
    }
}
