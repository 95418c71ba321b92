package org.datastamp.portal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.datastamp.portal.PanoscFilter.Include;

/**
 * Applies a filter to one fully built item: whether it is selected (its where clause, and a match in every scoped
 * include), and the item as returned (scalar properties plus the included relations, each holding only the related
 * items that match its scope, parameters converted to the unit asked for).
 */
final class PanoscResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PanoscWhere where;

    PanoscResults(PanoscWhere where) {
        this.where = where;
    }

    /** The item as returned, or empty when the filter does not select it. */
    Optional<ObjectNode> select(ObjectNode item, String model, JsonNode condition, List<Include> includes)
            throws PanoscException {
        if (!where.matches(condition, item, model)) {
            return Optional.empty();
        }
        ObjectNode out = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!PanoscModel.RELATIONS.getOrDefault(model, Map.of()).containsKey(field.getKey())) {
                out.set(field.getKey(), field.getValue());
            }
        }
        for (Include include : includes) {
            String target = PanoscModel.RELATIONS.get(model).get(include.relation());
            JsonNode related = item.path(include.relation());
            List<JsonNode> candidates = new ArrayList<>();
            if (related.isArray()) {
                related.forEach(candidates::add);
            } else if (related.isObject()) {
                candidates.add(related);
            }
            List<ObjectNode> kept = new ArrayList<>();
            for (JsonNode candidate : candidates) {
                Optional<ObjectNode> selected = related(candidate, target, include);
                selected.ifPresent(kept::add);
            }
            if (include.scoped() && kept.isEmpty()) {
                return Optional.empty();
            }
            if (related.isArray()) {
                ArrayNode array = out.has(include.relation()) && out.get(include.relation()).isArray()
                        ? (ArrayNode) out.get(include.relation()) : out.putArray(include.relation());
                kept.forEach(array::add);
            } else if (!kept.isEmpty()) {
                out.set(include.relation(), kept.get(0));
            }
        }
        return Optional.of(out);
    }

    private Optional<ObjectNode> related(JsonNode candidate, String model, Include include) throws PanoscException {
        JsonNode matched = candidate;
        if (model.equals("Parameter")) {
            Optional<JsonNode> converted = where.matchParameter(include.where(), candidate);
            if (converted.isEmpty()) {
                return Optional.empty();
            }
            matched = converted.get();
            return select((ObjectNode) matched, model, null, include.includes());
        }
        return select((ObjectNode) matched, model, include.where(), include.includes());
    }
}
