package org.datastamp.controls.epics;

import java.util.Locale;

/**
 * One configured PV: EPICS has no browsing, so the facility lists what to offer, optionally naming it, grouping it
 * and overriding its unit. Written in the configuration as {@code PV[;name=..][;group=..][;unit=..]}, e.g.
 * {@code SR:DCCT:current;name=ring_current;group=beam;unit=mA}.
 *
 * @param pv    PV name
 * @param name  metadata name
 * @param group display group; empty if none
 * @param unit  unit that replaces the PV's own ({@code display.units}), or {@code null} to use the PV's
 */
record PvEntry(String pv, String name, String group, String unit) {

    PvEntry {
        if (pv == null || pv.isBlank() || pv.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("EPICS PV name must be non-empty without spaces, got '" + pv + "'");
        }
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("EPICS PV " + pv + ": name must start with a letter and hold only"
                    + " letters, digits and '_', got '" + name + "'");
        }
        group = group == null ? "" : group;
    }

    static PvEntry parse(String entry) {
        String[] parts = entry.trim().split(";");
        String pv = parts[0].trim();
        String name = null;
        String group = null;
        String unit = null;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            String key = kv[0].trim();
            if (kv.length != 2) {
                throw new IllegalArgumentException("EPICS PV entry '" + entry + "': expected key=value after ';', got '"
                        + parts[i].trim() + "'");
            }
            String value = kv[1].trim();
            switch (key) {
                case "name" -> name = value;
                case "group" -> group = value;
                case "unit" -> unit = value;
                default -> throw new IllegalArgumentException("EPICS PV entry '" + entry + "': unknown key '" + key
                        + "' (known: name, group, unit)");
            }
        }
        return new PvEntry(pv, name == null ? defaultName(pv) : name, group, unit);
    }

    /** {@code SR:DCCT:current} becomes {@code sr_dcct_current}, a valid metadata name. */
    static String defaultName(String pv) {
        String name = pv.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "pv_" + name : name;
    }
}
