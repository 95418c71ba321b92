package org.datastamp.controls.api;

import java.util.Objects;

/**
 * A control-system variable a beamline can record with each scan.
 *
 * @param group     display group, e.g. {@code sample environment}
 * @param name      metadata name it is recorded under, e.g. {@code sample_temperature}
 * @param device    control-system device, e.g. {@code b311a/ctl/cryo-01}
 * @param attribute attribute of the device, e.g. {@code Temperature}
 * @param unit      unit symbol (UCUM/SI style, e.g. {@code K}, {@code mm}, {@code deg}); empty if dimensionless
 * @param minimum   lower limit, or {@code null} if none
 * @param maximum   upper limit, or {@code null} if none
 * @param order     position when shown or recorded
 */
public record ControlVariable(String group, String name, String device, String attribute, String unit,
        Double minimum, Double maximum, int order) {

    public ControlVariable {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Variable name must start with a letter and hold only letters, digits"
                    + " and '_', got '" + name + "'");
        }
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(attribute, "attribute");
        group = group == null ? "" : group;
        unit = unit == null ? "" : unit;
        if (minimum != null && maximum != null && minimum > maximum) {
            throw new IllegalArgumentException("Variable " + name + ": minimum " + minimum + " is above maximum " + maximum);
        }
    }
}
