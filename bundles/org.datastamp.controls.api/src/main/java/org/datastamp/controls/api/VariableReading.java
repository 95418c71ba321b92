package org.datastamp.controls.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The value of a control variable at one moment.
 *
 * @param variable which variable
 * @param value    numeric value in {@code variable.unit()}
 * @param time     when it was read
 */
public record VariableReading(ControlVariable variable, double value, Instant time) {

    public VariableReading {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(time, "time");
    }
}
