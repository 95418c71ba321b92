package org.datastamp.catalog.api;

import java.util.Objects;

/**
 * One dataset of an ingestion batch, under the id the client chose (which makes retrying safe).
 *
 * @param id      client-supplied id
 * @param dataset the dataset
 */
public record Ingest(DatasetId id, NewDataset dataset) {

    public Ingest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dataset, "dataset");
    }
}
