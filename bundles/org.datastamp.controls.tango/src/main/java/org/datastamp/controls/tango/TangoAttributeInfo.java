package org.datastamp.controls.tango;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the Tango REST API tells about one attribute ({@code GET .../attributes/info}): enough to decide whether we
 * can record it and with which unit and limits.
 *
 * @param name       attribute name
 * @param dataFormat SCALAR, SPECTRUM or IMAGE
 * @param dataType   Tango type, e.g. DevDouble
 * @param unit       unit symbol; empty if none
 * @param minimum    lower limit ({@code min_value}), or {@code null}
 * @param maximum    upper limit ({@code max_value}), or {@code null}
 */
record TangoAttributeInfo(String name, String dataFormat, String dataType, String unit, Double minimum,
        Double maximum) {

    /** Tango types whose scalar value is a number. DevBoolean, DevString, DevState and DevEnum are not. */
    static final Set<String> NUMERIC_TYPES = Set.of("DevShort", "DevUShort", "DevLong", "DevULong", "DevLong64",
            "DevULong64", "DevFloat", "DevDouble", "DevUChar");

    /** Tango's words for "no value" in attribute configuration strings. */
    private static final Set<String> UNSET = Set.of("", "Not specified", "No unit", "None");

    boolean isNumericScalar() {
        return "SCALAR".equals(dataFormat) && NUMERIC_TYPES.contains(dataType);
    }

    /**
     * Reads one element of the info array. Limits are strings in Tango's configuration ("Not specified" when unset);
     * a limit that is neither unset nor a number is an error, as recording it wrongly would mislead.
     */
    static TangoAttributeInfo parse(String device, JsonNode info) {
        String name = info.path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Tango device " + device + " returned attribute info without a name");
        }
        String unit = text(info, "unit");
        return new TangoAttributeInfo(name, info.path("data_format").asText(""), info.path("data_type").asText(""),
                unit == null ? "" : unit, limit(device, name, info, "min_value"),
                limit(device, name, info, "max_value"));
    }

    private static Double limit(String device, String attribute, JsonNode info, String field) {
        JsonNode node = info.get(field);
        if (node != null && node.isNumber()) {
            return node.asDouble();
        }
        String text = text(info, field);
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Tango attribute " + device + "/" + attribute + " has " + field + " '"
                    + text + "', which is not a number", e);
        }
    }

    private static String text(JsonNode info, String field) {
        JsonNode node = info.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText().trim();
        return UNSET.contains(text) ? null : text;
    }
}
