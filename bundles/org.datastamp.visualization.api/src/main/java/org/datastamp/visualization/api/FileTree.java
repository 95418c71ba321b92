package org.datastamp.visualization.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The tree of a data file.
 *
 * @param root        the root group
 * @param defaultPlot what NeXus says to show first, if it says anything
 * @param truncated   true when the file has more nodes than a tree answer carries; the missing groups show no
 *                    children
 */
public record FileTree(Node root, Optional<DefaultPlot> defaultPlot, boolean truncated) {

    public FileTree {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(defaultPlot, "defaultPlot");
    }
}
