package org.datastamp.visualization.render;

import org.datastamp.visualization.api.DataDescription;
import org.datastamp.visualization.api.Visualizer;
import org.osgi.service.component.annotations.Component;

/** Tables of scalars and small 1-D/2-D arrays of any type, compound and string included. */
@Component(service = Visualizer.class, property = "service.ranking:Integer=10")
public class TableVisualizer extends KindVisualizer {

    @Override
    public String capabilityId() {
        return "table";
    }

    @Override
    public String displayName() {
        return "Table";
    }

    @Override
    public boolean canShow(DataDescription data) {
        return data.rank() <= 2;
    }
}
