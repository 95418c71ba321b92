package org.datastamp.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading fields of request JSON, each problem a 400 naming the field: shared by the resources that accept bodies. */
final class JsonFields {

    private JsonFields() {
    }

    static String describe(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
    }

    static Instant instant(JsonNode json, String prefix, String field, Instant fallback)
            throws ProblemException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (fallback != null) {
                return fallback;
            }
            throw bad(prefix + field, "Required: an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
        if (!node.isTextual()) {
            throw bad(prefix + field, "Must be an ISO-8601 instant string, got " + describe(node));
        }
        try {
            return Instant.parse(node.textValue().strip());
        } catch (DateTimeParseException e) {
            throw bad(prefix + field, "'" + node.textValue() + "' is not an ISO-8601 instant such as"
                    + " 2026-01-31T12:00:00Z");
        }
    }

    static List<String> strings(JsonNode json, String prefix, String field) throws ProblemException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw bad(prefix + field, "Must be an array of strings, got " + describe(node));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw bad(prefix + field + "[" + i + "]", "Must be a string, got " + describe(node.get(i)));
            }
            values.add(node.get(i).textValue().strip());
        }
        return values;
    }

    static void refuseUnknown(JsonNode json, String prefix, Set<String> known) throws ProblemException {
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw bad(prefix + name, "Unknown field '" + name + "'; known: " + known.stream().sorted().toList());
            }
        }
    }

    static String requiredText(JsonNode json, String prefix, String field) throws ProblemException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            throw bad(prefix + field, "Required");
        }
        if (!node.isTextual()) {
            throw bad(prefix + field, "Must be a string, got " + describe(node));
        }
        if (node.textValue().isBlank()) {
            throw bad(prefix + field, "Must not be blank");
        }
        return node.textValue().strip();
    }

    static String optionalText(JsonNode json, String prefix, String field) throws ProblemException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw bad(prefix + field, "Must be a string, got " + describe(node));
        }
        return node.textValue().strip();
    }

    /** A 400 naming the field; the detail starts with the field so it reads on its own too. */
    static ProblemException bad(String field, String detail) {
        String where = field.isEmpty() ? "The request body" : "Field '" + field + "'";
        return new ProblemException(Problem.badRequest(where + ": " + detail).with("field", field));
    }

    static int requiredInt(JsonNode json, String field) throws ProblemException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            throw bad(field, "Required: a whole number");
        }
        if (!node.isInt()) {
            throw bad(field, "Must be a whole number, got " + describe(node));
        }
        return node.intValue();
    }

    /** Checks the body is a JSON object with only known fields. */
    static void requireObject(JsonNode json, Set<String> fields) throws ProblemException {
        if (!json.isObject()) {
            throw bad("", "Must be a JSON object, got " + describe(json));
        }
        refuseUnknown(json, "", fields);
    }

    /** The record's own checks (identifier syntax, ORCID, dates in order) as a 400. */
    static <T> T valid(Construction<T> construction) throws ProblemException {
        try {
            return construction.build();
        } catch (IllegalArgumentException e) {
            throw bad("", e.getMessage());
        }
    }

    /** Builds a record from request fields. */
    @FunctionalInterface
    interface Construction<T> {
        T build() throws ProblemException;
    }
}
