package org.datastamp.analytics.api;

import java.util.Objects;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;

/**
 * A dataset in a lineage graph. Datasets the viewer may not see appear with their id only ({@code visible} false) so
 * the graph's shape stays true without revealing them.
 */
public record LineageNode(DatasetId id, String title, DatasetType type, boolean visible) {

    public LineageNode {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        Objects.requireNonNull(type, "type");
    }
}
