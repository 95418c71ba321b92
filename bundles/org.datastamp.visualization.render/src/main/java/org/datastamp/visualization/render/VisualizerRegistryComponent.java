package org.datastamp.visualization.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.datastamp.visualization.api.DataDescription;
import org.datastamp.visualization.api.Visualizer;
import org.datastamp.visualization.api.VisualizerRegistry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Follows every {@link Visualizer} service as plugins come and go; answers which can show given data. */
@Component(service = VisualizerRegistry.class)
public class VisualizerRegistryComponent implements VisualizerRegistry {

    private final Map<Visualizer, Integer> visualizers = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addVisualizer(Visualizer visualizer, Map<String, Object> properties) {
        visualizers.put(visualizer, properties.get("service.ranking") instanceof Integer r ? r : 0);
    }

    void removeVisualizer(Visualizer visualizer) {
        visualizers.remove(visualizer);
    }

    @Override
    public List<Visualizer> visualizersFor(DataDescription data) {
        List<Map.Entry<Visualizer, Integer>> matching = new ArrayList<>();
        for (Map.Entry<Visualizer, Integer> e : visualizers.entrySet()) {
            if (e.getKey().canShow(data)) {
                matching.add(e);
            }
        }
        matching.sort(Map.Entry.<Visualizer, Integer>comparingByValue().reversed()
                .thenComparing(e -> e.getKey().capabilityId(), Comparator.naturalOrder()));
        return matching.stream().map(Map.Entry::getKey).toList();
    }
}
