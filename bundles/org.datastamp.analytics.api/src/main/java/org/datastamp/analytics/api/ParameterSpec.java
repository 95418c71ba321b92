package org.datastamp.analytics.api;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a processing plugin. Values travel as strings (from forms and JSON); the plugin parses them.
 *
 * @param name         e.g. {@code bins}
 * @param description  what it controls
 * @param kind         value type
 * @param unit         unit symbol for quantities (e.g. {@code mm}), empty otherwise
 * @param defaultValue used when the request gives none; empty for a required parameter
 * @param required     the request must give a value
 * @param choices      the allowed values of a {@link ParameterKind#CHOICE}, empty otherwise
 */
public record ParameterSpec(String name, String description, ParameterKind kind, String unit, String defaultValue,
        boolean required, List<String> choices) {

    public ParameterSpec {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("A parameter name is a letter or '_' then letters, digits, '_' or '.',"
                    + " got '" + name + "'");
        }
        description = description == null ? "" : description;
        Objects.requireNonNull(kind, "kind");
        unit = unit == null ? "" : unit;
        defaultValue = defaultValue == null ? "" : defaultValue;
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (kind == ParameterKind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("Choice parameter '" + name + "' lists no choices");
        }
    }

    /** An optional parameter with a default. */
    public static ParameterSpec optional(String name, String description, ParameterKind kind, String unit,
            String defaultValue) {
        return new ParameterSpec(name, description, kind, unit, defaultValue, false, List.of());
    }
}
