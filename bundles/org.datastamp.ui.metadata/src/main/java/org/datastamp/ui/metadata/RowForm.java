package org.datastamp.ui.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.datastamp.controls.api.ControlVariable;
import org.datastamp.metadata.api.ConfiguredVariable;

/**
 * The row editor's text fields turned into a row, or every problem with them, named by field. Kept free of widgets
 * so it is tested without a browser.
 *
 * @param group     display group
 * @param name      metadata name
 * @param device    control-system device
 * @param attribute device attribute
 * @param units     unit symbol
 * @param min       lower limit, blank for none
 * @param max       upper limit, blank for none
 * @param order     position, blank for 0
 * @param enabled   recorded or not
 */
record RowForm(String group, String name, String device, String attribute, String units, String min, String max,
        String order, boolean enabled) {

    /** The outcome: a row, or the problems (never both). */
    record Result(ConfiguredVariable row, List<String> problems) {
    }

    static RowForm of(ConfiguredVariable row) {
        ControlVariable v = row.variable();
        return new RowForm(v.group(), v.name(), v.device(), v.attribute(), v.unit(), text(v.minimum()),
                text(v.maximum()), Integer.toString(v.order()), row.enabled());
    }

    /** Cells of the configuration table, in its column order. */
    String[] cells() {
        return new String[] {group, name, device, attribute, units, min, max, order, enabled ? "yes" : "no"};
    }

    static String text(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue())
                : Double.toString(value);
    }

    Result parse() {
        List<String> problems = new ArrayList<>();
        Double lower = number("Min", min, problems);
        Double upper = number("Max", max, problems);
        int position = 0;
        if (!order.isBlank()) {
            try {
                position = Integer.parseInt(order.strip());
            } catch (NumberFormatException e) {
                problems.add("Order: '" + order.strip() + "' is not a whole number");
            }
        }
        if (device.isBlank()) {
            problems.add("Device: required");
        }
        if (attribute.isBlank()) {
            problems.add("Attribute: required");
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        try {
            return new Result(new ConfiguredVariable(new ControlVariable(group.strip(), name.strip(), device.strip(),
                    attribute.strip(), units.strip(), lower, upper, position), enabled), List.of());
        } catch (IllegalArgumentException e) {
            return new Result(null, List.of(e.getMessage()));
        }
    }

    private static Double number(String field, String text, List<String> problems) {
        if (text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip().replace(',', '.').toLowerCase(Locale.ROOT));
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(field + ": '" + text.strip() + "' is not a number");
        return null;
    }
}
