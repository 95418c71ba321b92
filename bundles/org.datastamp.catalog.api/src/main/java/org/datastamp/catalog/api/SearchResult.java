package org.datastamp.catalog.api;

import java.util.List;

/**
 * A page of search hits, the total number of visible hits, and facet counts over all of them.
 *
 * @param total  visible hits in all
 * @param hits   this page
 * @param facets the requested facets
 */
public record SearchResult(long total, List<SearchHit> hits, List<Facet> facets) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = List.copyOf(facets);
    }
}
