package org.datastamp.visualization.api;

import java.util.List;

/** Knows the {@link Visualizer} plugins present right now and which of them can show given data. */
public interface VisualizerRegistry {

    /** The visualizers that can show data of this description, best first (by service ranking). */
    List<Visualizer> visualizersFor(DataDescription data);
}
