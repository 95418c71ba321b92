package org.datastamp.catalog.search;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.facet.FacetsConfig;

/** The index's field names, in one place for the writer and the query side. */
final class IndexFields {

    private IndexFields() {
    }

    /** Dataset id: a keyword (updates and lookups), stored, and sorted on as the last tie-breaker. */
    static final String ID = "id";
    /** Everything a person might type: title, description, keywords, sample, people, metadata names and texts. */
    static final String TEXT = "text";

    /** Keyword fields that {@code field:value} queries address; values are lower-cased so matching ignores case. */
    static final Set<String> KEYWORD_FIELDS = Set.of("instrument", "proposal", "technique", "sample", "keyword",
            "type");

    /** Point fields with doc values, in epoch milliseconds or bytes. */
    static final String START = "start";
    static final String END = "end";
    static final String SIZE = "size";

    /** Sort keys (doc values only). */
    static final String SORT_TITLE = "sort.title";
    static final String SORT_INSTRUMENT = "sort.instrument";

    /** What a hit shows, stored as recorded. */
    static final String STORED_TITLE = "stored.title";
    static final String STORED_INSTRUMENT = "stored.instrument";
    static final String STORED_PROPOSAL = "stored.proposal";
    static final String STORED_TECHNIQUE = "stored.technique";

    /** The access rule's inputs (see Viewer), as recorded, not lower-cased: they are compared with ids. */
    static final String ACCESS_PROPOSAL = "access.proposal";
    static final String ACCESS_INSTRUMENT = "access.instrument";
    static final String ACCESS_PUBLIC_FROM = "access.publicFrom";

    /** Facet dimensions (SortedSetDocValues facets in the facet library's default field). */
    static final String FACET_INSTRUMENT = "instrument";
    static final String FACET_TECHNIQUE = "technique";
    static final String FACET_YEAR = "year";
    static final String FACET_PROPOSAL = "proposal";
    static final Set<String> FACETS = Set.of(FACET_INSTRUMENT, FACET_TECHNIQUE, FACET_YEAR, FACET_PROPOSAL);

    /**
     * The numeric field of a metadata quantity: its name and its system unit, so a comparison only ever meets values
     * of the same dimension ({@code m.sample_temperature|K}); a plain number has no unit part.
     */
    static String metadata(String name, String systemUnit) {
        return "m." + name + (systemUnit.isEmpty() ? "" : "|" + systemUnit);
    }

    static String keyword(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** Epoch milliseconds, clamped so far-future instants (e.g. "never public") still fit a long. */
    static long millis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static FacetsConfig facetsConfig() {
        // One value per dataset and dimension, flat: the defaults of FacetsConfig
        return new FacetsConfig();
    }
}
