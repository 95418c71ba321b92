package org.datastamp.catalog.api;

import java.util.List;

/**
 * A publication (article) that used datasets of this facility.
 *
 * @param doi        the article's DOI, e.g. {@code 10.1107/S1600577520000000}
 * @param title      title
 * @param authors    authors in order
 * @param year       publication year
 * @param datasets   datasets it used
 */
public record Publication(String doi, String title, List<String> authors, int year, List<DatasetId> datasets) {

    public Publication {
        Dois.require(doi);
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Publication " + doi + " needs a title");
        }
        authors = List.copyOf(authors);
        datasets = List.copyOf(datasets);
    }
}
