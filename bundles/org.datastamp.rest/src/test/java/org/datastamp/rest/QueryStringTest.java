package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void decodesNamesAndValuesAndKeepsTheFirstOfRepeatedParameters() {
        assertEquals(Map.of("offset", "10", "limit", "5", "q", "a b/é"),
                QueryString.parse("offset=10&limit=5&offset=20&q=a+b%2F%C3%A9"));
    }

    @Test
    void toleratesEmptyAndValuelessParameters() {
        assertEquals(Map.of(), QueryString.parse(null));
        assertEquals(Map.of("flag", ""), QueryString.parse("&flag&"));
    }

    @Test
    void keepsAStrayPercentLiterallySoValidationCanNameIt() {
        assertEquals(Map.of("limit", "5%"), QueryString.parse("limit=5%"));
    }
}
