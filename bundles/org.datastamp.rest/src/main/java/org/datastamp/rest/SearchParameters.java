package org.datastamp.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.datastamp.catalog.api.SearchRequest;
import org.datastamp.catalog.api.SortField;

/**
 * The query parameters of {@code GET /api/v1/datasets}: {@code q}, {@code sort}, {@code order}, {@code offset},
 * {@code limit}, {@code facets}. A bad one is a 400 naming it (as the {@code field} member too).
 */
final class SearchParameters {

    static final Set<String> FACETS = Set.of("instrument", "technique", "year", "proposal");

    private static final Map<String, SortField> SORTS = Map.of("relevance", SortField.RELEVANCE, "start",
            SortField.START_TIME, "start_time", SortField.START_TIME, "starttime", SortField.START_TIME, "title",
            SortField.TITLE, "size", SortField.SIZE, "instrument", SortField.INSTRUMENT);

    private SearchParameters() {
    }

    /**
     * Without {@code sort}, a text query is ordered by relevance and an empty one newest first. Without
     * {@code order}, relevance, start time and size run high to low, title and instrument A to Z.
     */
    static SearchRequest from(ApiRequest request) throws ProblemException {
        String query = request.queryParameter("q").orElse("");
        PageQuery page = PageQuery.from(request);
        SortField sort = sort(request.queryParameter("sort").orElse(""), query);
        boolean descending = descending(request.queryParameter("order").orElse(""), sort);
        return new SearchRequest(query, sort, descending, page.offset(), page.limit(),
                facets(request.queryParameter("facets").orElse("")));
    }

    private static SortField sort(String text, String query) throws ProblemException {
        if (text.isBlank()) {
            return query.isBlank() ? SortField.START_TIME : SortField.RELEVANCE;
        }
        SortField sort = SORTS.get(text.strip().toLowerCase(Locale.ROOT));
        if (sort == null) {
            throw bad("sort", "Query parameter 'sort' must be one of relevance, start, title, size, instrument; got '"
                    + text + "'");
        }
        return sort;
    }

    private static boolean descending(String text, SortField sort) throws ProblemException {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "" -> sort == SortField.RELEVANCE || sort == SortField.START_TIME || sort == SortField.SIZE;
            case "desc" -> true;
            case "asc" -> false;
            default -> throw bad("order", "Query parameter 'order' must be asc or desc, got '" + text + "'");
        };
    }

    private static List<String> facets(String text) throws ProblemException {
        List<String> facets = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || facets.contains(name)) {
                continue;
            }
            if (!FACETS.contains(name)) {
                throw bad("facets", "Query parameter 'facets' lists instrument, technique, year, proposal; got '"
                        + part.strip() + "'");
            }
            facets.add(name);
        }
        return facets;
    }

    private static ProblemException bad(String field, String detail) {
        return new ProblemException(Problem.badRequest(detail).with("field", field));
    }
}
