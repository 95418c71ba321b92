package org.datastamp.analytics.api;

import java.util.List;

/**
 * What a processing plugin is.
 *
 * @param id          stable id, e.g. {@code azimuthal-integration}; recorded in provenance
 * @param version     version of the algorithm, e.g. the bundle version; recorded in provenance
 * @param title       human-readable name
 * @param description what it does and what input it expects
 * @param parameters  the parameters it accepts
 */
public record PluginDescription(String id, String version, String title, String description,
        List<ParameterSpec> parameters) {

    public PluginDescription {
        if (id == null || !id.matches("[a-z0-9][a-z0-9.-]{0,63}")) {
            throw new IllegalArgumentException("A plugin id is 1-64 lower-case letters, digits, dots or hyphens, got '"
                    + id + "'");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("Plugin '" + id + "' needs a version");
        }
        title = title == null || title.isBlank() ? id : title;
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
        if (parameters.stream().map(ParameterSpec::name).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException("Plugin '" + id + "' declares a parameter twice");
        }
    }
}
