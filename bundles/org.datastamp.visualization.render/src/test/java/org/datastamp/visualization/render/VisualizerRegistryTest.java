package org.datastamp.visualization.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.datastamp.visualization.api.DataDescription;
import org.datastamp.visualization.api.Visualizer;
import org.junit.jupiter.api.Test;

class VisualizerRegistryTest {

    private static List<String> ids(VisualizerRegistryComponent r, int rank, String dtype) {
        return r.visualizersFor(new DataDescription("NXdata", rank, dtype)).stream().map(Visualizer::capabilityId)
                .toList();
    }

    @Test
    void offersImageLineAndTableByRankAndTypeBestFirst() {
        VisualizerRegistryComponent r = new VisualizerRegistryComponent();
        r.addVisualizer(new TableVisualizer(), Map.of("service.ranking", 10));
        r.addVisualizer(new ImageVisualizer(), Map.of("service.ranking", 100));
        r.addVisualizer(new LinePlotVisualizer(), Map.of("service.ranking", 50));
        assertEquals(List.of("image", "line"), ids(r, 3, "uint32"));
        assertEquals(List.of("image", "line", "table"), ids(r, 2, "float64"));
        assertEquals(List.of("line", "table"), ids(r, 1, "int16"));
        assertEquals(List.of("table"), ids(r, 1, "compound"));
        assertEquals(List.of("table"), ids(r, 0, "string"));
    }

    @Test
    void aRemovedPluginIsNoLongerOffered() {
        VisualizerRegistryComponent r = new VisualizerRegistryComponent();
        ImageVisualizer image = new ImageVisualizer();
        r.addVisualizer(image, Map.of());
        r.removeVisualizer(image);
        assertEquals(List.of(), ids(r, 2, "uint8"));
    }
}
