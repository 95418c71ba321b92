package org.datastamp.ui.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.datastamp.catalog.api.SearchRequest;
import org.datastamp.catalog.api.SortField;

/**
 * What the search page asks for: the query, the order and the page. Immutable; every user action (new query,
 * column click, next page) gives a new state, so the page logic is tested without widgets.
 *
 * @param query      the query in the catalogue query language, blank for everything
 * @param sort       the order
 * @param descending high to low
 * @param offset     first hit shown, from 0
 * @param pageSize   hits per page
 */
record SearchState(String query, SortField sort, boolean descending, int offset, int pageSize) {

    /** The facets the page shows, in display order. */
    static final List<String> FACETS = List.of("instrument", "technique", "year", "proposal");
    static final int PAGE_SIZE = 25;

    SearchState {
        query = query == null ? "" : query.strip();
        Objects.requireNonNull(sort, "sort");
        if (offset < 0 || pageSize < 1) {
            throw new IllegalArgumentException("offset " + offset + " and page size " + pageSize);
        }
    }

    /** Everything, newest first: the page as it opens. */
    static SearchState initial() {
        return new SearchState("", SortField.START_TIME, true, 0, PAGE_SIZE);
    }

    /** A new query starts at the first page, by relevance when it has text and newest first when blank. */
    SearchState withQuery(String newQuery) {
        String text = newQuery == null ? "" : newQuery.strip();
        return text.isEmpty() ? new SearchState("", SortField.START_TIME, true, 0, pageSize)
                : new SearchState(text, SortField.RELEVANCE, true, 0, pageSize);
    }

    /**
     * A click on a column header: the same column again reverses the order; another column starts with its natural
     * order (A to Z for text, newest and largest first for times and sizes). The page goes back to the first.
     */
    SearchState sortedBy(SortField field) {
        boolean naturalDescending = field == SortField.START_TIME || field == SortField.SIZE
                || field == SortField.RELEVANCE;
        boolean newDescending = field == sort ? !descending : naturalDescending;
        return new SearchState(query, field, newDescending, 0, pageSize);
    }

    SearchState nextPage(long total) {
        return hasNext(total) ? new SearchState(query, sort, descending, offset + pageSize, pageSize) : this;
    }

    SearchState previousPage() {
        return new SearchState(query, sort, descending, Math.max(0, offset - pageSize), pageSize);
    }

    boolean hasNext(long total) {
        return offset + pageSize < total;
    }

    boolean hasPrevious() {
        return offset > 0;
    }

    /** {@code 1–25 of 120}, {@code 26–30 of 30}, {@code No datasets}. */
    String pageLabel(long total) {
        if (total <= 0) {
            return "No datasets";
        }
        long last = Math.min(total, (long) offset + pageSize);
        return String.format(Locale.ROOT, "%d\u2013%d of %d", Math.min(offset + 1L, total), last, total);
    }

    SearchRequest toRequest() {
        return new SearchRequest(query, sort, descending, offset, pageSize, FACETS);
    }
}
