/**
 * Visualization: reading HDF5/NeXus files for viewing ({@link org.datastamp.visualization.api.DataFileReader}),
 * rendering arrays for screens ({@link org.datastamp.visualization.api.ArrayRenderer}), and visualizer plugins that
 * each declare which data they can show ({@link org.datastamp.visualization.api.Visualizer},
 * {@link org.datastamp.visualization.api.VisualizerRegistry}). Version 1.1 added reading and rendering;
 * 1.2 finding catalogued files on storage tiers ({@link org.datastamp.visualization.api.DatasetFileLocator});
 * 1.3 writing part of a dataset as a new HDF5 file ({@link org.datastamp.visualization.api.DataSubsetWriter});
 * 1.4 finding a file without starting a recall, for previews ({@code DatasetFileLocator.readableNow}).
 */
package org.datastamp.visualization.api;
