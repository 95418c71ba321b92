package org.datastamp.catalog.api;

import java.util.List;
import java.util.Objects;

/**
 * A dataset as it is after a change (registration, new DOI, embargo change, lifecycle move), for indexers.
 *
 * @param sequence increases with every change in the catalogue; an indexer resumes after the last one it applied
 * @param dataset  the dataset now
 * @param people   full names of the people of its proposal (PI and members), for full-text search
 */
public record DatasetChange(long sequence, Dataset dataset, List<String> people) {

    public DatasetChange {
        Objects.requireNonNull(dataset, "dataset");
        people = List.copyOf(people);
    }
}
