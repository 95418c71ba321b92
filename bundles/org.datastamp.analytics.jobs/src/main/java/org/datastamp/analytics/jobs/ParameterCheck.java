package org.datastamp.analytics.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.AnalysisException.Reason;
import org.datastamp.analytics.api.ParameterSpec;
import org.datastamp.analytics.api.PluginDescription;

/**
 * Checks a request's parameters against what the plugin declares, before anything is queued, so a typo is answered at
 * once instead of after a job waited for a worker.
 */
final class ParameterCheck {

    private ParameterCheck() {
    }

    /**
     * Every declared parameter with the request's value or its default, in declaration order.
     *
     * @throws AnalysisException INVALID, naming the parameter: unknown, missing, or a value of the wrong kind
     */
    static Map<String, String> effective(PluginDescription plugin, Map<String, String> given)
            throws AnalysisException {
        for (String name : given.keySet()) {
            if (plugin.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                throw invalid(plugin, "has no parameter '" + name + "'; it takes "
                        + (plugin.parameters().isEmpty() ? "none"
                                : String.join(", ", plugin.parameters().stream().map(ParameterSpec::name).toList())));
            }
        }
        Map<String, String> effective = new LinkedHashMap<>();
        for (ParameterSpec spec : plugin.parameters()) {
            String value = given.get(spec.name());
            if (value == null || value.isBlank()) {
                if (spec.required()) {
                    throw invalid(plugin, "needs parameter '" + spec.name() + "'"
                            + (spec.description().isEmpty() ? "" : " (" + spec.description() + ")"));
                }
                value = spec.defaultValue();
            } else {
                value = value.strip();
                check(plugin, spec, value);
            }
            effective.put(spec.name(), value);
        }
        return effective;
    }

    private static void check(PluginDescription plugin, ParameterSpec spec, String value) throws AnalysisException {
        String problem = switch (spec.kind()) {
            case NUMBER -> isNumber(value) ? null : "a number";
            case INTEGER -> value.matches("[+-]?\\d{1,18}") ? null : "a whole number";
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : "true or false";
            case CHOICE -> spec.choices().contains(value) ? null : "one of " + String.join(", ", spec.choices());
            case TEXT -> null;
        };
        if (problem != null) {
            throw invalid(plugin, "parameter '" + spec.name() + "' must be " + problem + ", got '" + value + "'");
        }
    }

    private static boolean isNumber(String value) {
        try {
            return Double.isFinite(Double.parseDouble(value)) && !value.matches(".*[fFdDxX].*");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static AnalysisException invalid(PluginDescription plugin, String problem) {
        return new AnalysisException(Reason.INVALID, "Plugin '" + plugin.id() + "' " + problem);
    }
}
