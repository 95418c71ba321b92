package org.datastamp.rest;

import static org.datastamp.rest.JsonFields.bad;
import static org.datastamp.rest.JsonFields.describe;
import static org.datastamp.rest.JsonFields.optionalText;
import static org.datastamp.rest.JsonFields.refuseUnknown;
import static org.datastamp.rest.JsonFields.requiredText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.datastamp.controls.api.ControlVariable;
import org.datastamp.metadata.api.ConfigurationRevision;
import org.datastamp.metadata.api.ConfiguredVariable;
import org.datastamp.metadata.api.MetadataConfiguration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Metadata configurations and their revisions as JSON, and configurations read from {@code PUT} bodies (every
 * problem a 400 naming the field, e.g. {@code variables[2].min}). Rows use the same names as the CSV columns.
 */
final class MetadataConfigurationJson {

    static final Set<String> BODY_FIELDS = Set.of("definition", "message", "variables");
    static final Set<String> ROW_FIELDS = Set.of("group", "name", "device", "attribute", "units", "min", "max",
            "order", "enabled");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MetadataConfigurationJson() {
    }

    static ObjectNode configuration(MetadataConfiguration configuration, Optional<ConfigurationRevision> revision) {
        ObjectNode json = NODES.objectNode().put("instrument", configuration.instrument())
                .put("definition", configuration.definition());
        json.set("revision", revision.<JsonNode>map(MetadataConfigurationJson::revision).orElse(NODES.nullNode()));
        ArrayNode rows = json.putArray("variables");
        for (ConfiguredVariable row : configuration.variables()) {
            ControlVariable v = row.variable();
            ObjectNode r = rows.addObject().put("group", v.group()).put("name", v.name()).put("device", v.device())
                    .put("attribute", v.attribute()).put("units", v.unit());
            r.set("min", v.minimum() == null ? NODES.nullNode() : NODES.numberNode(v.minimum()));
            r.set("max", v.maximum() == null ? NODES.nullNode() : NODES.numberNode(v.maximum()));
            r.put("order", v.order()).put("enabled", row.enabled());
        }
        return json;
    }

    static ObjectNode revision(ConfigurationRevision revision) {
        return NODES.objectNode().put("id", revision.id()).put("author", revision.author())
                .put("message", revision.message()).put("time", revision.time().toString());
    }

    static ObjectNode history(String instrument, List<ConfigurationRevision> revisions) {
        ObjectNode json = NODES.objectNode().put("instrument", instrument);
        ArrayNode list = json.putArray("revisions");
        revisions.forEach(r -> list.add(revision(r)));
        return json;
    }

    static ObjectNode diff(String instrument, String from, String to, String unifiedDiff) {
        return NODES.objectNode().put("instrument", instrument).put("from", from).put("to", to)
                .put("diff", unifiedDiff);
    }

    /** The configuration in a {@code PUT} body; the instrument comes from the path. */
    static MetadataConfiguration read(String instrument, JsonNode json) throws ProblemException {
        if (!json.isObject()) {
            throw bad("", "Must be a JSON object with definition, message and variables, got " + describe(json));
        }
        refuseUnknown(json, "", BODY_FIELDS);
        JsonNode rows = json.get("variables");
        if (rows == null || !rows.isArray()) {
            throw bad("variables", "Required: an array of rows {group, name, device, attribute, units, min, max,"
                    + " order, enabled}");
        }
        List<ConfiguredVariable> variables = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            variables.add(row(rows.get(i), "variables[" + i + "]."));
        }
        try {
            return new MetadataConfiguration(instrument, optionalText(json, "", "definition"), variables);
        } catch (IllegalArgumentException e) {
            throw bad("variables", e.getMessage());
        }
    }

    private static ConfiguredVariable row(JsonNode json, String prefix) throws ProblemException {
        if (!json.isObject()) {
            throw bad(prefix.substring(0, prefix.length() - 1), "Must be an object, got " + describe(json));
        }
        refuseUnknown(json, prefix, ROW_FIELDS);
        String name = requiredText(json, prefix, "name");
        try {
            return new ConfiguredVariable(new ControlVariable(optionalText(json, prefix, "group"), name,
                    requiredText(json, prefix, "device"), requiredText(json, prefix, "attribute"),
                    optionalText(json, prefix, "units"), number(json, prefix, "min"), number(json, prefix, "max"),
                    order(json, prefix)), enabled(json, prefix));
        } catch (IllegalArgumentException e) {
            throw bad(prefix + (e.getMessage().contains("minimum") ? "max" : "name"), e.getMessage());
        }
    }

    private static Double number(JsonNode json, String prefix, String field) throws ProblemException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw bad(prefix + field, "Must be a number or null, got " + describe(node));
        }
        return node.doubleValue();
    }

    private static int order(JsonNode json, String prefix) throws ProblemException {
        JsonNode node = json.get("order");
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw bad(prefix + "order", "Must be a whole number, got " + describe(node));
        }
        return node.intValue();
    }

    private static boolean enabled(JsonNode json, String prefix) throws ProblemException {
        JsonNode node = json.get("enabled");
        if (node == null || node.isNull()) {
            return true;
        }
        if (!node.isBoolean()) {
            throw bad(prefix + "enabled", "Must be true or false, got " + describe(node));
        }
        return node.booleanValue();
    }
}
