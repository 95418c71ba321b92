package org.datastamp.portal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Evaluates Loopback where clauses on PaNOSC items (JSON objects): equality, {@code neq}, {@code gt}, {@code gte},
 * {@code lt}, {@code lte}, {@code between}, {@code inq}, {@code nin}, {@code like}, {@code ilike}, {@code and},
 * {@code or}, and the PaNOSC {@code text} operator. Strings compare without regard to case. Parameters are unit
 * aware: a clause naming a {@code unit} compares the parameter's value converted to that unit, and the matching
 * parameter is returned in that unit, as the PaNOSC API specifies.
 */
final class PanoscWhere {

    /** Fields the text operator searches, per model (PaNOSC query documentation). */
    static final Map<String, List<String>> TEXT_FIELDS = Map.of("Dataset", List.of("title"), "Document",
            List.of("title", "summary"), "File", List.of("name"), "Instrument", List.of("name", "facility"), "Sample",
            List.of("name", "description"), "Technique", List.of("name"), "Parameter", List.of("name"), "Person",
            List.of("fullName"), "Member", List.of("role"), "Affiliation", List.of("name"));

    private final Quantities quantities;

    PanoscWhere(Quantities quantities) {
        this.quantities = quantities;
    }

    boolean matches(JsonNode where, JsonNode item, String model) throws PanoscException {
        if (where == null || where.isNull() || where.isMissingNode()) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> clause = it.next();
            if (!clause(clause.getKey(), clause.getValue(), item, model)) {
                return false;
            }
        }
        return true;
    }

    /** The parameter, converted to the unit the clause names, if it matches; empty otherwise. */
    Optional<JsonNode> matchParameter(JsonNode where, JsonNode parameter) throws PanoscException {
        if (where == null || where.isNull()) {
            return Optional.of(parameter);
        }
        if (where.has("or") && where.size() == 1) {
            for (JsonNode branch : list(where.get("or"), "or")) {
                Optional<JsonNode> m = matchParameter(branch, parameter);
                if (m.isPresent()) {
                    return m;
                }
            }
            return Optional.empty();
        }
        Optional<String> unit = unitOf(where);
        JsonNode candidate = parameter;
        if (unit.isPresent()) {
            Optional<JsonNode> converted = inUnit(parameter, unit.get());
            if (converted.isEmpty()) {
                return Optional.empty();
            }
            candidate = converted.get();
        }
        return matches(where, candidate, "Parameter") ? Optional.of(candidate) : Optional.empty();
    }

    private Optional<JsonNode> inUnit(JsonNode parameter, String unit) {
        JsonNode value = parameter.path("value");
        String from = parameter.path("unit").asText("");
        if (!value.isNumber()) {
            return Optional.empty();
        }
        return quantities.convert(value.asDouble(), from, unit).map(v -> {
            ObjectNode copy = ((ObjectNode) parameter).deepCopy();
            copy.put("value", v);
            copy.put("unit", unit);
            return copy;
        });
    }

    /** The unit a (possibly and-ed) parameter clause names at its own level. */
    private static Optional<String> unitOf(JsonNode where) throws PanoscException {
        if (where.path("unit").isTextual()) {
            return Optional.of(where.get("unit").asText());
        }
        if (where.has("and")) {
            for (JsonNode part : list(where.get("and"), "and")) {
                Optional<String> u = unitOf(part);
                if (u.isPresent()) {
                    return u;
                }
            }
        }
        return Optional.empty();
    }

    private boolean clause(String key, JsonNode condition, JsonNode item, String model) throws PanoscException {
        switch (key) {
            case "and" -> {
                for (JsonNode part : list(condition, "and")) {
                    if (!matches(part, item, model)) {
                        return false;
                    }
                }
                return true;
            }
            case "or" -> {
                for (JsonNode part : list(condition, "or")) {
                    if (matches(part, item, model)) {
                        return true;
                    }
                }
                return false;
            }
            case "text" -> {
                return text(condition.asText(""), item, model);
            }
            default -> {
                JsonNode value = item.path(key);
                List<JsonNode> values = new ArrayList<>();
                if (value.isArray()) {
                    value.forEach(values::add);
                } else {
                    values.add(value);
                }
                for (JsonNode v : values) {
                    if (property(key, condition, v)) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    private static boolean text(String text, JsonNode item, String model) {
        StringBuilder haystack = new StringBuilder();
        for (String field : TEXT_FIELDS.getOrDefault(model, List.of())) {
            haystack.append(' ').append(item.path(field).asText(""));
        }
        String lower = haystack.toString().toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !lower.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean property(String key, JsonNode condition, JsonNode value) throws PanoscException {
        if (!condition.isObject()) {
            return equal(value, condition);
        }
        if (condition.size() != 1) {
            throw PanoscException.badRequest("The condition on '" + key + "' must have one operator, got " + condition);
        }
        String op = condition.fieldNames().next();
        JsonNode arg = condition.get(op);
        return switch (op) {
            case "eq" -> equal(value, arg);
            case "neq" -> !value.isMissingNode() && !equal(value, arg);
            case "gt" -> compare(value, arg, key).map(c -> c > 0).orElse(false);
            case "gte" -> compare(value, arg, key).map(c -> c >= 0).orElse(false);
            case "lt" -> compare(value, arg, key).map(c -> c < 0).orElse(false);
            case "lte" -> compare(value, arg, key).map(c -> c <= 0).orElse(false);
            case "between" -> {
                List<JsonNode> bounds = list(arg, "between");
                if (bounds.size() != 2) {
                    throw PanoscException.badRequest("between on '" + key + "' needs two bounds, got " + arg);
                }
                yield compare(value, bounds.get(0), key).map(c -> c >= 0).orElse(false)
                        && compare(value, bounds.get(1), key).map(c -> c <= 0).orElse(false);
            }
            case "inq" -> anyEqual(value, list(arg, "inq"));
            case "nin" -> !value.isMissingNode() && !anyEqual(value, list(arg, "nin"));
            case "like", "ilike" -> !value.isMissingNode() && like(arg.asText()).matcher(value.asText()).matches();
            case "nlike", "nilike" -> !value.isMissingNode() && !like(arg.asText()).matcher(value.asText()).matches();
            default -> throw PanoscException.badRequest("Unknown operator '" + op + "' on '" + key + "'; use eq, neq,"
                    + " gt, gte, lt, lte, between, inq, nin, like, ilike");
        };
    }

    private static boolean anyEqual(JsonNode value, List<JsonNode> candidates) {
        return candidates.stream().anyMatch(c -> equal(value, c));
    }

    private static boolean equal(JsonNode value, JsonNode expected) {
        if (value.isMissingNode() || value.isNull()) {
            return expected.isNull();
        }
        if (value.isNumber() && expected.isNumber()) {
            return value.asDouble() == expected.asDouble();
        }
        if (value.isBoolean() || expected.isBoolean()) {
            return value.asText().equalsIgnoreCase(expected.asText());
        }
        return value.asText().equalsIgnoreCase(expected.asText());
    }

    /**
     * Numbers numerically, anything else as text (ISO dates order as text); empty when they do not compare (a
     * missing value, a number against text), which makes every comparison false.
     */
    private static Optional<Integer> compare(JsonNode value, JsonNode bound, String key) throws PanoscException {
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber() && bound.isNumber()) {
            return Optional.of(Double.compare(value.asDouble(), bound.asDouble()));
        }
        if (value.isNumber() || bound.isNumber()) {
            return Optional.empty();
        }
        if (!bound.isTextual()) {
            throw PanoscException.badRequest("Cannot compare '" + key + "' with " + bound);
        }
        return Optional.of(value.asText().compareTo(bound.asText()));
    }

    private static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    private static List<JsonNode> list(JsonNode node, String op) throws PanoscException {
        if (!node.isArray()) {
            throw PanoscException.badRequest("'" + op + "' takes an array, got " + node);
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }
}
