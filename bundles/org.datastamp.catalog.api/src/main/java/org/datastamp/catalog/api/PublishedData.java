package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A DOI minted by this facility for a set of its datasets; once registered, those datasets are public.
 *
 * @param doi        the minted DOI
 * @param title      title of the published data
 * @param datasets   the datasets behind it
 * @param registered when the DOI was registered
 */
public record PublishedData(String doi, String title, List<DatasetId> datasets, Instant registered) {

    public PublishedData {
        Dois.require(doi);
        Objects.requireNonNull(title, "title");
        if (datasets == null || datasets.isEmpty()) {
            throw new IllegalArgumentException("Published data " + doi + " needs at least one dataset");
        }
        datasets = List.copyOf(datasets);
        Objects.requireNonNull(registered, "registered");
    }
}
