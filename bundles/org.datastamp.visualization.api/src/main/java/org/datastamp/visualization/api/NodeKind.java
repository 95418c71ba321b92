package org.datastamp.visualization.api;

/** What a link in a data file leads to. */
public enum NodeKind {
    GROUP, DATASET, DATATYPE,
    /** A soft or external link whose target cannot be opened (the node's {@code link} says where it points). */
    BROKEN_LINK
}
