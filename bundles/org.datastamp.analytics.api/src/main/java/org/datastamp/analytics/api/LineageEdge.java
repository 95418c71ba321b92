package org.datastamp.analytics.api;

import java.util.Objects;

import org.datastamp.catalog.api.DatasetId;

/**
 * {@code output} was derived from {@code input}, by a job when one is known.
 *
 * @param input         the input dataset
 * @param output        the derived dataset
 * @param jobId         the job that made it, empty when the derived dataset was catalogued from outside
 * @param pluginId      the plugin that ran, empty when unknown
 * @param pluginVersion its version, empty when unknown
 */
public record LineageEdge(DatasetId input, DatasetId output, String jobId, String pluginId, String pluginVersion) {

    public LineageEdge {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        jobId = jobId == null ? "" : jobId;
        pluginId = pluginId == null ? "" : pluginId;
        pluginVersion = pluginVersion == null ? "" : pluginVersion;
    }
}
