package org.datastamp.controls.tango;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Metadata names for control variables, made from the device and attribute name: {@code b311a/mot/sample-x} and
 * {@code Position} give {@code b311a_mot_sample_x_position}. Names stay unique within one listing.
 */
final class VariableNames {

    private final Set<String> taken = new HashSet<>();

    String nameFor(String device, String attribute) {
        String base = (device + "_" + attribute).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "v_" + base; // metadata names start with a letter
        }
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }
}
