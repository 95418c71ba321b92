package org.datastamp.metadata.api;

import java.util.Objects;

import org.datastamp.controls.api.ControlVariable;

/**
 * One row of a beamline's metadata configuration: a control-system variable (group, name, device, attribute, unit,
 * limits, order) and whether it is recorded.
 *
 * @param variable the variable as the connector offers it, with the beamline's chosen name, unit, limits and order
 * @param enabled  {@code false} keeps the row in the table without recording it
 */
public record ConfiguredVariable(ControlVariable variable, boolean enabled) {
    public ConfiguredVariable {
        Objects.requireNonNull(variable, "variable");
    }
}
