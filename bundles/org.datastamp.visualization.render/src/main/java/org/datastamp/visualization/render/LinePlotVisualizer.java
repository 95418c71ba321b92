package org.datastamp.visualization.render;

import org.datastamp.visualization.api.DataDescription;
import org.datastamp.visualization.api.Visualizer;
import org.osgi.service.component.annotations.Component;

/** Line plots of 1-D numeric data, and of a row or column profile of higher-rank data. */
@Component(service = Visualizer.class, property = "service.ranking:Integer=50")
public class LinePlotVisualizer extends KindVisualizer {

    @Override
    public String capabilityId() {
        return "line";
    }

    @Override
    public String displayName() {
        return "Line plot";
    }

    @Override
    public boolean canShow(DataDescription data) {
        return data.rank() >= 1 && numeric(data);
    }
}
