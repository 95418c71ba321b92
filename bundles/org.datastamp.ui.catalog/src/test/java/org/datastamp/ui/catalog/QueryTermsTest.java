package org.datastamp.ui.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QueryTermsTest {

    @Test
    void aFacetValueBecomesAFieldTerm() {
        assertEquals("instrument:CoSAXS", QueryTerms.withFilter("", "instrument", "CoSAXS"));
        assertEquals("technique:\"X-ray diffraction\"", QueryTerms.term("technique", "X-ray diffraction"));
    }

    @Test
    void aYearBecomesAStartTimeRange() {
        assertEquals("start >= 2024-01-01 start < 2025-01-01", QueryTerms.term("year", "2024"));
    }

    @Test
    void filtersNarrowTheQueryOnceAndWrapAnOr() {
        assertEquals("lysozyme proposal:20240123", QueryTerms.withFilter(" lysozyme ", "proposal", "20240123"));
        assertEquals("lysozyme proposal:20240123", QueryTerms.withFilter("lysozyme proposal:20240123", "proposal",
                "20240123"));
        assertEquals("(a OR b) instrument:NanoMAX", QueryTerms.withFilter("a OR b", "instrument", "NanoMAX"));
        assertEquals("ORANGE instrument:NanoMAX", QueryTerms.withFilter("ORANGE", "instrument", "NanoMAX"));
    }
}
