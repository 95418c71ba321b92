package org.datastamp.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.datastamp.catalog.api.Instrument;
import org.datastamp.portal.PanoscFilter.Include;

/**
 * Narrows the datasets a PaNOSC filter must look at with the catalogue's search: free text, techniques, instruments
 * and unit-aware parameter ranges become terms of the catalogue query language (docs/query-language.md), which the
 * search index answers. Each term finds at least every dataset the filter selects; the filter is then applied exactly
 * to what the search returns, so clauses with no term here (strings, dates, or/not) are still honoured.
 */
final class PanoscPrefilter {

    private final Quantities quantities;
    private final Map<String, Instrument> instruments;
    private final PanetTechniques techniques;

    PanoscPrefilter(Quantities quantities, Map<String, Instrument> instruments, PanetTechniques techniques) {
        this.quantities = quantities;
        this.instruments = instruments;
        this.techniques = techniques;
    }

    /** Marks a filter that can select no dataset (an instrument that does not exist). */
    static final String NOTHING = "\u0000";

    /** The query, or {@link #NOTHING} when no dataset can match. */
    String query(PanoscFilter filter, String freeText) {
        List<String> terms = new ArrayList<>();
        words(freeText, terms);
        if (filter.where().has("text")) {
            words(filter.where().get("text").asText(""), terms);
        }
        for (Include include : filter.includes()) {
            JsonNode where = include.where();
            switch (include.relation()) {
                case "techniques" -> technique(where, terms);
                case "instrument" -> instrument(where, terms);
                case "parameters" -> parameter(where, terms);
                default -> {
                    // no term: files, samples and documents are checked on the datasets found
                }
            }
        }
        terms.removeIf(t -> t.contains("\"\""));
        return terms.contains(NOTHING) ? NOTHING : String.join(" AND ", terms);
    }

    /**
     * A technique asked for by pid (a PaNET IRI or id, or the fallback {@code technique:<name>}) or by name: every
     * catalogue name that maps to the same PaNET class, since the catalogue records names.
     */
    private void technique(JsonNode where, List<String> terms) {
        equalTo(where, "pid").ifPresent(pid -> {
            if (pid.startsWith(PanoscModel.FALLBACK_PID)) {
                terms.add("technique:" + quote(pid.substring(PanoscModel.FALLBACK_PID.length())));
            } else {
                terms.add(techniques.byId(pid).map(this::anyName).orElse(NOTHING));
            }
        });
        equalTo(where, "name").ifPresent(name -> terms.add(techniques.of(name).map(this::anyName)
                .orElse("technique:" + quote(name))));
    }

    private String anyName(PanetTechniques.Technique technique) {
        List<String> names = techniques.names(technique);
        return names.isEmpty() ? NOTHING
                : "(" + String.join(" OR ", names.stream().map(n -> "technique:" + quote(n)).toList()) + ")";
    }

    private void instrument(JsonNode where, List<String> terms) {
        equalTo(where, "pid").ifPresent(id -> terms.add("instrument:" + quote(id)));
        equalTo(where, "name").ifPresent(name -> {
            List<String> ids = instruments.values().stream()
                    .filter(i -> i.name().equalsIgnoreCase(name) || i.id().equalsIgnoreCase(name))
                    .map(i -> "instrument:" + quote(i.id())).toList();
            if (ids.isEmpty()) {
                terms.add(NOTHING);
            } else {
                terms.add("(" + String.join(" OR ", ids) + ")");
            }
        });
    }

    /** A single parameter clause {@code and: [{name}, {value: number or range}, {unit}]} with a unit we know. */
    private void parameter(JsonNode where, List<String> terms) {
        if (!where.has("and") && !where.has("name")) {
            return;
        }
        List<JsonNode> parts = new ArrayList<>();
        if (where.has("and")) {
            where.get("and").forEach(parts::add);
        } else {
            parts.add(where);
        }
        String name = null;
        String unit = null;
        JsonNode value = null;
        for (JsonNode p : parts) {
            if (p.path("name").isTextual()) {
                name = p.get("name").asText();
            }
            if (p.path("unit").isTextual()) {
                unit = p.get("unit").asText();
            }
            if (p.has("value")) {
                value = p.get("value");
            }
        }
        if (name == null || unit == null || value == null || !name.matches("[A-Za-z_][A-Za-z0-9_.]*")
                || !quantities.known(unit) || unit.matches(".*[\\s()\"].*")) {
            return;
        }
        if (value.isNumber()) {
            terms.add(name + " = " + number(value) + " " + unit);
        } else if (value.isObject() && value.size() == 1) {
            String op = value.fieldNames().next();
            JsonNode arg = value.get(op);
            String symbol = Map.of("gt", ">", "gte", ">=", "lt", "<", "lte", "<=").get(op);
            if (symbol != null && arg.isNumber()) {
                terms.add(name + " " + symbol + " " + number(arg) + " " + unit);
            } else if (op.equals("between") && arg.isArray() && arg.size() == 2 && arg.get(0).isNumber()
                    && arg.get(1).isNumber()) {
                terms.add("(" + name + " >= " + number(arg.get(0)) + " " + unit + " AND " + name + " <= "
                        + number(arg.get(1)) + " " + unit + ")");
            }
        }
    }

    private static String number(JsonNode n) {
        return n.isIntegralNumber() ? n.asText() : Double.toString(n.asDouble()).toUpperCase(Locale.ROOT);
    }

    private static java.util.Optional<String> equalTo(JsonNode where, String property) {
        JsonNode v = where.path(property);
        if (v.isTextual()) {
            return java.util.Optional.of(v.asText());
        }
        for (JsonNode part : where.path("and")) {
            if (part.path(property).isTextual()) {
                return java.util.Optional.of(part.get(property).asText());
            }
        }
        return java.util.Optional.empty();
    }

    private static void words(String text, List<String> terms) {
        for (String word : text.split("[\\s\"]+")) {
            if (!word.isBlank()) {
                terms.add(quote(word));
            }
        }
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "") + "\"";
    }
}
