package org.datastamp.visualization.render;

import org.datastamp.visualization.api.DataDescription;
import org.datastamp.visualization.api.Visualizer;
import org.osgi.service.component.annotations.Component;

/** Images of 2-D numeric data, and of any 2-D slice (frame) of higher-rank stacks. */
@Component(service = Visualizer.class, property = "service.ranking:Integer=100")
public class ImageVisualizer extends KindVisualizer {

    @Override
    public String capabilityId() {
        return "image";
    }

    @Override
    public String displayName() {
        return "Image";
    }

    @Override
    public boolean canShow(DataDescription data) {
        return data.rank() >= 2 && numeric(data);
    }
}
