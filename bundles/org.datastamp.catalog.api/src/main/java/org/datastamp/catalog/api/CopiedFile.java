package org.datastamp.catalog.api;

import java.util.List;
import java.util.Objects;

/**
 * One file of a dataset with the dataset's copies: what a fixity audit checks the storage tiers against. Added in
 * 2.3.
 *
 * @param datasetId    the dataset
 * @param location     the dataset's location (the key prefix of its ingest copy)
 * @param file         the file as recorded at ingest, with its checksum
 * @param datasetFiles how many files the dataset has, so a reader walking files in order knows when it has seen all
 * @param copies       the dataset's copies on storage backends, any state
 */
public record CopiedFile(DatasetId datasetId, String location, Datafile file, int datasetFiles,
        List<DatasetCopy> copies) {

    public CopiedFile {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(file, "file");
        copies = List.copyOf(copies);
    }
}
