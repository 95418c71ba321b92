package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageQueryTest {

    @Test
    void defaultsToTheFirstFiftyItems() throws ProblemException {
        assertEquals(new PageQuery(0, 50), PageQuery.from(query(null, null)));
        assertEquals(new PageQuery(0, 50), PageQuery.from(query("", "")));
    }

    @Test
    void readsOffsetAndLimit() throws ProblemException {
        assertEquals(new PageQuery(100, 500), PageQuery.from(query("100", "500")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1   | 10   | 'offset' must be an integer >= 0, got -1",
        "abc  | 10   | 'offset' must be an integer >= 0, got 'abc'",
        "0    | 0    | 'limit' must be an integer between 1 and 500, got 0",
        "0    | 501  | 'limit' must be an integer between 1 and 500, got 501",
        "0    | 2.5  | 'limit' must be an integer between 1 and 500, got '2.5'",
        "0    | 99999999999999999999 | 'limit' must be an integer between 1 and 500, got '99999999999999999999'",
    })
    void refusesBadParametersNamingThem(String offset, String limit, String expected) {
        ProblemException e = assertThrows(ProblemException.class, () -> PageQuery.from(query(offset, limit)));

        assertEquals(400, e.problem().status());
        assertEquals("Query parameter " + expected, e.problem().detail());
    }

    private static ApiRequest query(String offset, String limit) {
        Map<String, String> parameters = new HashMap<>();
        if (offset != null) {
            parameters.put("offset", offset);
        }
        if (limit != null) {
            parameters.put("limit", limit);
        }
        return Requests.get("/api/datasets", "", parameters);
    }
}
