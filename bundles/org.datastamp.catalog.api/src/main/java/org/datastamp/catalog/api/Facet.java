package org.datastamp.catalog.api;

import java.util.List;

/**
 * Counts of one facet over all visible hits of a search, largest first.
 *
 * @param name   facet name, e.g. {@code instrument}
 * @param values its values with counts
 */
public record Facet(String name, List<FacetValue> values) {

    public Facet {
        values = List.copyOf(values);
    }
}
