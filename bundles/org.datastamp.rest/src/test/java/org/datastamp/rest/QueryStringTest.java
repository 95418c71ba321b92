package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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

    @Test
    void collectsEveryValueOfARepeatedParameterInOrder() {
        assertEquals(List.of("a.nxs", "b/c d.h5", ""), QueryString.all("file=a.nxs&x=1&file=b%2Fc+d.h5&file",
                "file"));
        assertEquals(List.of(), QueryString.all(null, "file"));
        assertEquals(List.of(), QueryString.all("files=a", "file"));
    }
}
