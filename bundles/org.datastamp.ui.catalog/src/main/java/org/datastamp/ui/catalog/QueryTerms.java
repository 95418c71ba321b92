package org.datastamp.ui.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/** Builds query text from facet clicks; the query language is documented on {@code DatasetSearch}. */
final class QueryTerms {

    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9._@-]+");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern TOP_LEVEL_OR = Pattern.compile("(^|\\s)OR(\\s|$)");

    private QueryTerms() {
    }

    /** The term a facet value stands for: {@code instrument:CoSAXS}, or a start-time range for a year. */
    static String term(String facet, String value) {
        if (facet.equals("year") && YEAR.matcher(value).matches()) {
            int year = Integer.parseInt(value);
            return "start >= " + year + "-01-01 start < " + (year + 1) + "-01-01";
        }
        String quoted = PLAIN_VALUE.matcher(value).matches() ? value : "\"" + value.replace("\"", "") + "\"";
        return facet.toLowerCase(Locale.ROOT) + ":" + quoted;
    }

    /**
     * Narrows a query with a facet value. A query with {@code OR} is put in parentheses first, so the filter applies
     * to all of it; a term already in the query is not added twice.
     */
    static String withFilter(String query, String facet, String value) {
        String current = query == null ? "" : query.strip();
        String term = term(facet, value);
        if (current.isEmpty()) {
            return term;
        }
        if (current.contains(term)) {
            return current;
        }
        boolean hasOr = TOP_LEVEL_OR.matcher(current).find();
        return (hasOr ? "(" + current + ")" : current) + " " + term;
    }
}
