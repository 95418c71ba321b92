package org.datastamp.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A Loopback-style filter as the PaNOSC search API takes it:
 * {@code {"where":{...},"include":[{"relation":"parameters","scope":{"where":{...},"include":[...]}}],"limit":n,"skip":n}}.
 * An include with a scope also selects: an item is returned only when, for every scoped include, at least one
 * related item matches (as in the PaNOSC reference implementation and its tests).
 *
 * @param where    conditions on the item itself; null node for none
 * @param includes related items to include (and to select by)
 * @param limit    most items returned
 * @param skip     items skipped
 */
record PanoscFilter(JsonNode where, List<Include> includes, int limit, int skip) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One included relation.
     *
     * @param relation the relation's name, e.g. {@code parameters}
     * @param where    conditions on the related items, null node for none
     * @param includes relations of the related items to include in turn
     */
    record Include(String relation, JsonNode where, List<Include> includes) {

        boolean scoped() {
            return !where.isNull() || includes.stream().anyMatch(Include::scoped);
        }
    }

    /** This filter with the where clauses of a relation's includes (at any depth) rewritten. */
    PanoscFilter rewriting(String relation, java.util.function.UnaryOperator<JsonNode> rewrite) {
        return new PanoscFilter(where, rewriting(includes, relation, rewrite), limit, skip);
    }

    private static List<Include> rewriting(List<Include> includes, String relation,
            java.util.function.UnaryOperator<JsonNode> rewrite) {
        return includes.stream().map(i -> new Include(i.relation(),
                i.relation().equals(relation) && !i.where().isNull() ? rewrite.apply(i.where()) : i.where(),
                rewriting(i.includes(), relation, rewrite))).toList();
    }

    static PanoscFilter none() {
        return new PanoscFilter(NullNode.getInstance(), List.of(), DEFAULT_LIMIT, 0);
    }

    /**
     * Parses the {@code filter} parameter.
     *
     * @param relations the relations of the top model and of related models that may be included, by relation name
     * @throws PanoscException 400 naming what is wrong
     */
    static PanoscFilter parse(String text, RelationsOf relations, String model) throws PanoscException {
        if (text == null || text.isBlank()) {
            return none();
        }
        JsonNode filter;
        try {
            filter = JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw PanoscException.badRequest("The filter is not JSON: " + e.getMessage());
        }
        if (filter == null || !filter.isObject()) {
            throw PanoscException.badRequest("The filter must be a JSON object such as {\"where\":{...}}");
        }
        for (var names = filter.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!Set.of("where", "include", "limit", "skip", "fields", "order").contains(name)) {
                throw PanoscException.badRequest("Unknown filter key '" + name + "'; use where, include, limit, skip");
            }
        }
        int limit = integer(filter, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw PanoscException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        int skip = integer(filter, "skip", 0);
        if (skip < 0) {
            throw PanoscException.badRequest("skip must not be negative, got " + skip);
        }
        return new PanoscFilter(where(filter.path("where")), includes(filter.path("include"), relations, model),
                limit, skip);
    }

    /** The relations a model offers, for checking includes. */
    interface RelationsOf {
        Set<String> of(String model);

        /** The model a relation of a model leads to. */
        String target(String model, String relation);
    }

    private static List<Include> includes(JsonNode node, RelationsOf relations, String model) throws PanoscException {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        List<Include> includes = new ArrayList<>();
        for (JsonNode item : items) {
            String relation = item.isTextual() ? item.asText() : item.path("relation").asText("");
            if (!relations.of(model).contains(relation)) {
                throw PanoscException.badRequest("'" + relation + "' is not a relation of " + model + "; it has "
                        + relations.of(model));
            }
            JsonNode scope = item.path("scope");
            includes.add(new Include(relation, where(scope.path("where")),
                    includes(scope.path("include"), relations, relations.target(model, relation))));
        }
        return includes;
    }

    private static JsonNode where(JsonNode node) throws PanoscException {
        if (node.isMissingNode() || node.isNull()) {
            return NullNode.getInstance();
        }
        if (!node.isObject()) {
            throw PanoscException.badRequest("A where clause must be a JSON object, got " + node);
        }
        return node;
    }

    private static int integer(JsonNode filter, String name, int fallback) throws PanoscException {
        JsonNode value = filter.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (value.isTextual() && value.asText().matches("\\d{1,9}")) {
            return Integer.parseInt(value.asText());
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw PanoscException.badRequest(name + " must be an integer, got " + value);
        }
        return value.asInt();
    }
}
