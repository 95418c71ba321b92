package org.datastamp.analytics.api;

import java.util.List;
import java.util.Objects;

import org.datastamp.catalog.api.DatasetId;

/**
 * The lineage graph around one dataset, both ways: what it was derived from (recursively) and what was derived
 * from it (recursively).
 */
public record Lineage(DatasetId focus, List<LineageNode> nodes, List<LineageEdge> edges) {

    public Lineage {
        Objects.requireNonNull(focus, "focus");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
