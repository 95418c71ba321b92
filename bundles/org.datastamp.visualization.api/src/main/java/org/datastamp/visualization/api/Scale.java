package org.datastamp.visualization.api;

/** Mapping of values to colormap positions between the contrast limits. */
public enum Scale {
    LINEAR, LOG, SQRT
}
