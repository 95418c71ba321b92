package org.datastamp.visualization.api;

import org.datastamp.core.api.Capability;

/** A way of showing data (image, line plot, table, ...). */
public interface Visualizer extends Capability {

    /** Whether this visualizer can show data of this description. */
    boolean canShow(DataDescription data);
}
