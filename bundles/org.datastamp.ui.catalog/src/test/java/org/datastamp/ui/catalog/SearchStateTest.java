package org.datastamp.ui.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.datastamp.catalog.api.SearchRequest;
import org.datastamp.catalog.api.SortField;
import org.junit.jupiter.api.Test;

class SearchStateTest {

    @Test
    void opensWithEverythingNewestFirstAskingForTheFourFacets() {
        SearchRequest request = SearchState.initial().toRequest();

        assertEquals("", request.query());
        assertEquals(SortField.START_TIME, request.sort());
        assertTrue(request.descending());
        assertEquals(0, request.offset());
        assertEquals(25, request.limit());
        assertEquals(List.of("instrument", "technique", "year", "proposal"), request.facets());
    }

    @Test
    void aTextQueryIsByRelevanceFromTheFirstPageAndABlankOneNewestFirst() {
        SearchState paged = SearchState.initial().nextPage(100);

        SearchState text = paged.withQuery("  lysozyme ");
        assertEquals("lysozyme", text.query());
        assertEquals(SortField.RELEVANCE, text.sort());
        assertEquals(0, text.offset());
        assertEquals(SortField.START_TIME, text.withQuery(" ").sort());
    }

    @Test
    void clickingAColumnSortsByItAndClickingAgainReverses() {
        SearchState byTitle = SearchState.initial().nextPage(100).sortedBy(SortField.TITLE);
        assertEquals(SortField.TITLE, byTitle.sort());
        assertFalse(byTitle.descending());
        assertEquals(0, byTitle.offset());
        assertTrue(byTitle.sortedBy(SortField.TITLE).descending());
        assertTrue(byTitle.sortedBy(SortField.SIZE).descending());
        assertFalse(SearchState.initial().sortedBy(SortField.START_TIME).descending());
    }

    @Test
    void pagesStopAtBothEnds() {
        SearchState first = SearchState.initial();
        assertFalse(first.hasPrevious());
        assertEquals(first, first.previousPage());
        assertTrue(first.hasNext(26));
        assertFalse(first.hasNext(25));
        assertEquals(first, first.nextPage(25));

        SearchState second = first.nextPage(30);
        assertEquals(25, second.offset());
        assertFalse(second.hasNext(30));
        assertEquals(0, second.previousPage().offset());
    }

    @Test
    void pageLabelShowsTheRangeAndTotal() {
        assertEquals("1\u201325 of 120", SearchState.initial().pageLabel(120));
        assertEquals("26\u201330 of 30", SearchState.initial().nextPage(30).pageLabel(30));
        assertEquals("1\u20133 of 3", SearchState.initial().pageLabel(3));
        assertEquals("No datasets", SearchState.initial().pageLabel(0));
    }
}
