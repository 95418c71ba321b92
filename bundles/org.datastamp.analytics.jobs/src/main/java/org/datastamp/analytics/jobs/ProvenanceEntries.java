package org.datastamp.analytics.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.datastamp.analytics.api.ParameterSpec;
import org.datastamp.analytics.api.PluginDescription;
import org.datastamp.catalog.api.MetadataEntry;

/**
 * The metadata that ties a derived dataset to the job that made it: {@code provenance.plugin},
 * {@code provenance.plugin_version}, {@code provenance.job} and {@code provenance.parameter.<name>}. Numbers stay
 * numbers with their unit, so the search can compare them, when the catalogue knows the unit; otherwise the value
 * and unit are kept together as text rather than refusing the dataset.
 */
final class ProvenanceEntries {

    static final String PREFIX = "provenance.";
    static final String PLUGIN = PREFIX + "plugin";
    static final String PLUGIN_VERSION = PREFIX + "plugin_version";
    static final String JOB = PREFIX + "job";
    static final String PARAMETER = PREFIX + "parameter.";

    private ProvenanceEntries() {
    }

    static List<MetadataEntry> of(String jobId, PluginDescription plugin, Map<String, String> parameters,
            Predicate<String> knownUnit) {
        List<MetadataEntry> entries = new ArrayList<>();
        entries.add(new MetadataEntry(PLUGIN, plugin.id(), ""));
        entries.add(new MetadataEntry(PLUGIN_VERSION, plugin.version(), ""));
        entries.add(new MetadataEntry(JOB, jobId, ""));
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            ParameterSpec spec = plugin.parameters().stream().filter(s -> s.name().equals(p.getKey())).findFirst()
                    .orElse(null);
            entries.add(entry(PARAMETER + p.getKey(), p.getValue(), spec, knownUnit));
        }
        return entries;
    }

    private static MetadataEntry entry(String name, String value, ParameterSpec spec, Predicate<String> knownUnit) {
        String unit = spec == null ? "" : spec.unit();
        if (spec == null || value.isEmpty()) {
            return new MetadataEntry(name, value, "");
        }
        try {
            Object typed = switch (spec.kind()) {
                case NUMBER -> Double.parseDouble(value);
                case INTEGER -> Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
                case BOOLEAN -> Boolean.parseBoolean(value);
                case TEXT, CHOICE -> value;
            };
            if (unit.isEmpty() || typed instanceof Number && knownUnit.test(unit)) {
                return new MetadataEntry(name, typed, typed instanceof Number ? unit : "");
            }
        } catch (NumberFormatException e) {
            // A default the plugin declared badly: keep it as text.
        }
        return new MetadataEntry(name, unit.isEmpty() ? value : value + " " + unit, "");
    }
}
