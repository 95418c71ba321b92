package org.datastamp.catalog.api;

import java.util.List;
import java.util.Objects;

/**
 * A search: a query in the catalogue query language (see {@link DatasetSearch}), ordering, a page, and the facets to
 * count.
 *
 * @param query      the query; blank means every dataset
 * @param sort       what to order by
 * @param descending order high to low (newest first for {@link SortField#START_TIME})
 * @param offset     hits to skip
 * @param limit      hits to return, 1..1000
 * @param facets     facets to count: any of {@code instrument}, {@code technique}, {@code year}, {@code proposal}
 */
public record SearchRequest(String query, SortField sort, boolean descending, int offset, int limit,
        List<String> facets) {

    /** Largest page served. */
    public static final int MAX_LIMIT = 1000;

    public SearchRequest {
        query = query == null ? "" : query;
        Objects.requireNonNull(sort, "sort");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        facets = List.copyOf(facets);
    }
}
