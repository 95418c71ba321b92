package org.datastamp.visualization.api;

import java.util.Objects;

/**
 * What a visualizer is asked to show.
 *
 * @param nexusClass NeXus class of the enclosing group, e.g. {@code NXdata}; empty if unknown
 * @param rank       number of dimensions
 * @param dtype      element type, numpy-style, e.g. {@code uint16}
 */
public record DataDescription(String nexusClass, int rank, String dtype) {

    public DataDescription {
        nexusClass = nexusClass == null ? "" : nexusClass;
        if (rank < 0) {
            throw new IllegalArgumentException("Rank must not be negative, got " + rank);
        }
        Objects.requireNonNull(dtype, "dtype");
    }
}
