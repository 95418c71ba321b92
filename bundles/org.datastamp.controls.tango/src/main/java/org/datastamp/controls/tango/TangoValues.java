package org.datastamp.controls.tango;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.datastamp.controls.api.ControlSystemException;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.controls.api.VariableReading;

/** Turns one device's answer to a multi-attribute read into readings, refusing anything that is not a number. */
final class TangoValues {

    private TangoValues() {
    }

    /**
     * @param device   the device read
     * @param wanted   the wanted variables by attribute name, in request order
     * @param answer   the REST API's array, one element per requested attribute
     * @param fallback time used when an element carries no timestamp
     */
    static List<VariableReading> readings(String device, Map<String, ControlVariable> wanted, List<JsonNode> answer,
            Instant fallback) throws ControlSystemException {
        // Elements are matched by name; a failure element may carry none, then its position tells the attribute.
        List<String> requested = new ArrayList<>(wanted.keySet());
        Map<String, JsonNode> byName = new HashMap<>();
        for (int i = 0; i < answer.size(); i++) {
            JsonNode element = answer.get(i);
            String name = element.path("name").asText(i < requested.size() ? requested.get(i) : "");
            byName.putIfAbsent(name, element);
        }
        List<VariableReading> readings = new ArrayList<>(wanted.size());
        for (Map.Entry<String, ControlVariable> entry : wanted.entrySet()) {
            String what = "Tango attribute " + device + "/" + entry.getKey();
            JsonNode element = byName.get(entry.getKey());
            if (element == null) {
                throw new ControlSystemException(what + ": missing from the REST API's answer");
            }
            if (element.has("errors")) {
                throw new ControlSystemException(what + ": " + TangoRestClient.errors(element));
            }
            JsonNode value = element.get("value");
            if (value == null || !value.isNumber()) {
                throw new ControlSystemException(what + " is not numeric: value " + value + ", quality "
                        + element.path("quality").asText("unknown"));
            }
            if ("ATTR_INVALID".equals(element.path("quality").asText())) {
                throw new ControlSystemException(what + ": the device reports the value as invalid (ATTR_INVALID)");
            }
            JsonNode timestamp = element.get("timestamp");
            Instant time = timestamp != null && timestamp.canConvertToLong()
                    ? Instant.ofEpochMilli(timestamp.asLong()) : fallback;
            readings.add(new VariableReading(entry.getValue(), value.asDouble(), time));
        }
        return readings;
    }
}
