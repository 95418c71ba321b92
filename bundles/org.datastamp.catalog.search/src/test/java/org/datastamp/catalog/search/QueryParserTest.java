package org.datastamp.catalog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.datastamp.catalog.api.QuerySyntaxException;
import org.datastamp.catalog.units.IndriyaUnitConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

    private final IndriyaUnitConverter units = new IndriyaUnitConverter();
    private final StandardAnalyzer analyzer = new StandardAnalyzer();

    private QuerySyntaxException error(String query) {
        return assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(query, units, analyzer));
    }

    @ParameterizedTest(name = "[{0}] fails at {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "(alpha OR beta                | 0  | unbalanced parenthesis: '(' is never closed",
            "alpha AND (beta OR (gamma)    | 10 | unbalanced parenthesis: '(' is never closed",
            "alpha)                        | 5  | unmatched ')'",
            "()                            | 1  | empty parentheses",
            "sample_temperature >          | 20 | missing value after '>'",
            "size >= AND alpha             | 8  | missing value after '>='",
            "alpha AND                     | 9  | missing search term after AND",
            "alpha OR                      | 8  | missing search term after OR",
            "NOT                           | 3  | missing search term after NOT",
            "OR alpha                      | 0  | missing search term before OR",
            "alpha AND OR beta             | 10 | missing search term after AND",
            "colour:red                    | 0  | unknown field 'colour'; use instrument, proposal, technique, sample, keyword or type (or compare a quantity, e.g. sample_temperature > 300 K)",
            "instrument:                   | 11 | missing value after 'instrument:'",
            ":CoSAXS                       | 0  | ':' needs a field name before it",
            "> 5                           | 0  | '>' needs a name before it, e.g. sample_temperature > 300 K",
            "type:processed                | 5  | type is raw or derived, not 'processed'",
            "start >= 2024-13-01           | 9  | bad date '2024-13-01': use YYYY, YYYY-MM-DD or an instant such as 2024-03-01T12:00:00Z",
            "end < yesterday               | 6  | bad date 'yesterday': use YYYY, YYYY-MM-DD or an instant such as 2024-03-01T12:00:00Z",
            "sample_temperature > warm     | 21 | expected a number, got 'warm'",
            "sample_temperature > 300 degK | 25 | Unknown unit 'degK'; did you mean 'K'? (to search for a word after a number, put AND between them)",
            "sample_temperature > 300degK  | 24 | Unknown unit 'degK'; did you mean 'K'?",
            "size > 1 K                    | 9  | size is in bytes (B, kB, MB, GB, TB), not 'K'",
            "\"unclosed phrase             | 0  | unclosed quote",
            "alpha ! beta                  | 6  | '!' must be followed by '=' (use NOT to exclude)",
            "alpha ---                     | 6  | nothing to search for in '---'" })
    void malformedQueriesSayWhereAndWhy(String query, int position, String reason) {
        QuerySyntaxException e = error(query);
        assertEquals(reason, e.reason());
        assertEquals(position, e.position());
        assertEquals("Query error at position " + position + ": " + reason + " in '" + query + "'", e.getMessage());
    }

    @Test
    void blankIsEverything() throws Exception {
        QueryParser.ParsedQuery parsed = QueryParser.parse("  ", units, analyzer);
        assertEquals(new MatchAllDocsQuery(), parsed.query());
        assertFalse(parsed.scored());
    }

    @Test
    void onlyTextTermsMakeAQueryScored() throws Exception {
        assertTrue(QueryParser.parse("protein instrument:CoSAXS", units, analyzer).scored());
        assertFalse(QueryParser.parse("instrument:CoSAXS size > 1 GB", units, analyzer).scored());
        assertFalse(QueryParser.parse("instrument:CoSAXS NOT protein", units, analyzer).scored());
    }

    @Test
    void aTimeWithColonsIsOneValue() throws Exception {
        QueryParser.parse("start >= 2024-03-01T12:00:00Z AND end <= 2024-03-02T00:00:00+02:00", units, analyzer);
    }

    @Test
    void aUnitWordIsFollowedByTheNextTerm() throws Exception {
        // "K" is the unit; instrument:CoSAXS is the next term, not a unit
        QueryParser.parse("sample_temperature > 300 K instrument:CoSAXS", units, analyzer);
        QueryParser.parse("sample_temperature > 300 instrument:CoSAXS", units, analyzer);
        QueryParser.parse("scan_number > 5 AND lysozyme", units, analyzer);
    }
}
