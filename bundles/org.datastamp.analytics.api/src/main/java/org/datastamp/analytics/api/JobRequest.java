package org.datastamp.analytics.api;

import java.util.List;
import java.util.Map;

import org.datastamp.catalog.api.DatasetId;

/**
 * A request to run a plugin.
 *
 * @param pluginId   which plugin
 * @param inputs     the input datasets (at least one)
 * @param parameters parameter values by name; missing ones take their defaults
 * @param title      title for the derived dataset, empty to let the plugin choose
 */
public record JobRequest(String pluginId, List<DatasetId> inputs, Map<String, String> parameters, String title) {

    public JobRequest {
        if (pluginId == null || pluginId.isBlank()) {
            throw new IllegalArgumentException("A job request names a plugin");
        }
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("A job request names at least one input dataset");
        }
        parameters = Map.copyOf(parameters);
        title = title == null ? "" : title;
    }
}
