package org.datastamp.visualization.api;

/** How a block of source pixels becomes one viewport pixel. */
public enum Binning {
    /** Average of the valid pixels: smooth overviews. */
    MEAN,
    /** Largest valid pixel: keeps sparse Bragg peaks and hot spots visible in an overview. */
    MAX,
    /** Smallest valid pixel. */
    MIN
}
