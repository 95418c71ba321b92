package org.datastamp.visualization.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a data file's tree.
 *
 * @param path       absolute path in the file, {@code /} for the root
 * @param kind       group, dataset, named datatype or a broken link
 * @param nexusClass the {@code NX_class} attribute of a group, empty otherwise
 * @param link       for soft and external links, where they point ({@code /path} or {@code file:/path}); empty for
 *                   hard links
 * @param attributes attribute values: a {@code String} or {@code Double}, or a {@code List} of them
 * @param dataset    storage description of a dataset, {@code null} for other kinds
 * @param children   a group's members in name order (empty where the tree was cut, see {@link FileTree#truncated})
 */
public record Node(String path, NodeKind kind, String nexusClass, String link, Map<String, Object> attributes,
        DatasetInfo dataset, List<Node> children) {

    public Node {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        nexusClass = nexusClass == null ? "" : nexusClass;
        link = link == null ? "" : link;
        attributes = Map.copyOf(attributes);
        if ((kind == NodeKind.DATASET) != (dataset != null)) {
            throw new IllegalArgumentException("Node " + path + ": a dataset description belongs to datasets only");
        }
        children = List.copyOf(children);
    }

    /** Last path segment; empty for the root. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
