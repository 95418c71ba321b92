/**
 * The data viewer of the web workbench: a catalogued dataset's HDF5/NeXus file as a tree, an image of any frame
 * (colormaps, scales, contrast, zoom and pan rendered by the server at the viewport's size, pixel readout, frame
 * slider with playback), line plots of 1-D data and profiles, a histogram; and a live view of a detector during
 * an acquisition. Views call the visualization services directly (decision 0018); geometry and formatting are in
 * plain classes, the panels only place them in widgets.
 */
package org.datastamp.ui.visualization;
