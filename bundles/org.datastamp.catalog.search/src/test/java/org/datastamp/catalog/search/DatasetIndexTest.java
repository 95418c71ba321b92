package org.datastamp.catalog.search;

import static org.datastamp.catalog.search.TestDataset.NOW;
import static org.datastamp.catalog.search.TestDataset.titled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Facet;
import org.datastamp.catalog.api.FacetValue;
import org.datastamp.catalog.api.InvalidInputException;
import org.datastamp.catalog.api.SearchHit;
import org.datastamp.catalog.api.SearchRequest;
import org.datastamp.catalog.api.SearchResult;
import org.datastamp.catalog.api.SortField;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.catalog.units.IndriyaUnitConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetIndexTest {

    private static final Viewer CURATOR = new Viewer("curator", Set.of(), Set.of(), true);

    @TempDir
    Path dir;

    private final FakeCatalog catalog = new FakeCatalog();
    private DatasetIndex index;

    @BeforeEach
    void open() throws Exception {
        index = openIndex();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private DatasetIndex openIndex() throws Exception {
        return new DatasetIndex(FSDirectory.open(dir), new IndriyaUnitConverter(), Clock.fixed(NOW, ZoneOffset.UTC),
                catalog.instanceId);
    }

    private void catchUp() throws Exception {
        index.catchUp(catalog, Integer.MAX_VALUE, () -> true);
    }

    private SearchResult search(String query, Viewer viewer) throws Exception {
        return index.search(new SearchRequest(query, SortField.START_TIME, false, 0, 100, List.of()), viewer);
    }

    private List<String> ids(String query) throws Exception {
        return ids(search(query, CURATOR));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(h -> h.id().value()).toList();
    }

    @Test
    void fullTextSearchesTitleDescriptionSamplePeopleAndMetadataIgnoringCase() throws Exception {
        titled("Lysozyme dilution series").recordIn(catalog, "ds-1");
        titled("Scan 2").description("Protein crystals in flow").recordIn(catalog, "ds-2");
        titled("Scan 3").sample("ferritin").person("Ada Lovelace").recordIn(catalog, "ds-3");
        titled("Scan 4").metadata("buffer", "HEPES pH 7", "").metadata("ring_current", 400, "mA")
                .recordIn(catalog, "ds-4");
        catchUp();

        assertEquals(List.of("ds-1"), ids("lysozyme"));
        assertEquals(List.of("ds-2"), ids("PROTEIN"));
        assertEquals(List.of("ds-3"), ids("Ferritin"));
        assertEquals(List.of("ds-3"), ids("lovelace"));
        assertEquals(List.of("ds-4"), ids("hepes"));
        assertEquals(List.of("ds-4"), ids("ring_current"));
        assertEquals(List.of("ds-2"), ids("\"crystals in flow\""));
        assertEquals(List.of(), ids("\"flow in crystals\""));
    }

    @Test
    void blankQueryFindsEverythingVisible() throws Exception {
        titled("a").recordIn(catalog, "ds-1");
        titled("b").isPublic().recordIn(catalog, "ds-2");
        catchUp();

        assertEquals(2, search("", CURATOR).total());
        assertEquals(2, search("   ", CURATOR).total());
        assertEquals(List.of("ds-2"), ids(search("", Viewer.anonymous())));
    }

    @Test
    void temperatureAbove300KelvinFindsFortyCelsiusButNotTwenty() throws Exception {
        titled("warm").metadata("sample_temperature", 40, "degC").recordIn(catalog, "ds-warm");
        titled("room").metadata("sample_temperature", 20, "°C").recordIn(catalog, "ds-room");
        titled("kelvin").metadata("sample_temperature", 310, "K").recordIn(catalog, "ds-kelvin");
        // the same name with another dimension or no unit never compares with a temperature
        titled("plain").metadata("sample_temperature", 500, "").recordIn(catalog, "ds-plain");
        titled("length").metadata("sample_temperature", 500, "m").recordIn(catalog, "ds-length");
        catchUp();

        assertEquals(List.of("ds-kelvin", "ds-warm"), sorted(ids("sample_temperature > 300 K")));
        assertEquals(List.of("ds-kelvin", "ds-warm"), sorted(ids("sample_temperature>300K")));
        assertEquals(List.of("ds-kelvin", "ds-warm"), sorted(ids("sample_temperature >= 30 degC")));
        assertEquals(List.of("ds-room"), ids("sample_temperature < 300 K"));
        assertEquals(List.of("ds-warm"), ids("sample_temperature = 313.15 K"));
        assertEquals(List.of("ds-kelvin", "ds-room"), sorted(ids("sample_temperature != 40 degC")));
        assertEquals(List.of("ds-plain"), ids("sample_temperature > 300"));
        assertEquals(List.of("ds-length"), ids("sample_temperature > 0.4 km"));
    }

    @Test
    void energiesCompareAcrossUnitsAndScientificNotation() throws Exception {
        titled("edge").metadata("beam_energy", 12.4, "keV").metadata("exposure_time", 2, "ms")
                .recordIn(catalog, "ds-1");
        titled("soft").metadata("beam_energy", 500, "eV").metadata("exposure_time", 0.5, "s")
                .recordIn(catalog, "ds-2");
        catchUp();

        assertEquals(List.of("ds-1"), ids("beam_energy > 10 keV"));
        assertEquals(List.of("ds-1"), ids("beam_energy = 12400 eV"));
        assertEquals(List.of("ds-1"), ids("exposure_time < 1.5e-2 s"));
        assertEquals(List.of("ds-2"), ids("exposure_time >= 500ms"));
    }

    @Test
    void fieldQueriesCombineWithFullText() throws Exception {
        titled("Protein in buffer").instrument("CoSAXS").proposal("20240123").technique("SAXS")
                .keyword("enzyme").recordIn(catalog, "ds-1");
        titled("Protein powder").instrument("NanoMAX").technique("XRD").recordIn(catalog, "ds-2");
        titled("Empty cell").instrument("CoSAXS").derived().recordIn(catalog, "ds-3");
        catchUp();

        assertEquals(List.of("ds-1"), ids("instrument:CoSAXS \"protein\""));
        assertEquals(List.of("ds-1", "ds-3"), sorted(ids("instrument:cosaxs")));
        assertEquals(List.of("ds-1"), ids("proposal:20240123"));
        assertEquals(List.of("ds-2"), ids("technique:xrd"));
        assertEquals(List.of("ds-1"), ids("keyword:enzyme"));
        assertEquals(List.of("ds-3"), ids("type:derived"));
        assertEquals(List.of("ds-1", "ds-2"), sorted(ids("type:raw")));
    }

    @Test
    void booleanOperatorsAndParentheses() throws Exception {
        titled("alpha beta").recordIn(catalog, "ds-ab");
        titled("alpha gamma").recordIn(catalog, "ds-ag");
        titled("delta").recordIn(catalog, "ds-d");
        catchUp();

        assertEquals(List.of("ds-ab"), ids("alpha beta"));
        assertEquals(List.of("ds-ab"), ids("alpha AND beta"));
        assertEquals(List.of("ds-ab", "ds-d"), sorted(ids("beta OR delta")));
        assertEquals(List.of("ds-ag"), ids("alpha NOT beta"));
        assertEquals(List.of("ds-ag", "ds-d"), sorted(ids("NOT beta")));
        assertEquals(List.of("ds-ab", "ds-ag"), sorted(ids("alpha AND (beta OR gamma)")));
        assertEquals(List.of("ds-ab", "ds-d"), sorted(ids("(alpha AND beta) OR delta")));
        assertEquals(List.of("ds-ab", "ds-ag", "ds-d"), sorted(ids("delta OR alpha AND NOT (beta AND gamma)")));
        assertEquals(List.of("ds-d"), ids("NOT alpha AND NOT beta"));
        // lower-case "and" is a word to search for, not an operator
        assertEquals(List.of(), ids("alpha and beta"));
    }

    @Test
    void dateRangesCoverTheWholeYearMonthOrDay() throws Exception {
        titled("a").start("2023-12-31T23:59:59Z").recordIn(catalog, "ds-2023");
        titled("b").start("2024-02-15T10:00:00Z").recordIn(catalog, "ds-feb");
        titled("c").start("2024-03-01T00:00:00Z").recordIn(catalog, "ds-mar");
        catchUp();

        assertEquals(List.of("ds-feb", "ds-mar"), ids("start >= 2024"));
        assertEquals(List.of("ds-2023"), ids("start < 2024"));
        assertEquals(List.of("ds-2023", "ds-feb", "ds-mar"), ids("start <= 2024"));
        assertEquals(List.of(), ids("start > 2024"));
        assertEquals(List.of("ds-feb", "ds-mar"), ids("start = 2024"));
        assertEquals(List.of("ds-2023", "ds-feb"), ids("start < 2024-03-01"));
        assertEquals(List.of("ds-feb"), ids("start = 2024-02-15"));
        assertEquals(List.of("ds-feb"), ids("start = 2024-02"));
        assertEquals(List.of("ds-mar"), ids("start >= 2024-02-15T10:00:00.001Z"));
        assertEquals(List.of("ds-feb", "ds-mar"), ids("start >= 2024-02-15T11:00:00+01:00"));
        // each dataset ends a minute after it starts
        assertEquals(List.of("ds-2023"), ids("end >= 2024 AND start < 2024"));
    }

    @Test
    void sizeRangesInBytesWithDecimalPrefixes() throws Exception {
        titled("small").size(500_000_000L).recordIn(catalog, "ds-small");
        titled("big").size(2_000_000_000L).recordIn(catalog, "ds-big");
        titled("exact").size(1_000_000_000L).recordIn(catalog, "ds-exact");
        catchUp();

        assertEquals(List.of("ds-big"), ids("size > 1 GB"));
        assertEquals(List.of("ds-big", "ds-exact"), sorted(ids("size >= 1GB")));
        assertEquals(List.of("ds-small"), ids("size <= 500 MB"));
        assertEquals(List.of("ds-exact"), ids("size = 1000000000"));
        assertEquals(List.of("ds-exact"), ids("size = 0.001 TB"));
        assertEquals(List.of("ds-big", "ds-small"), sorted(ids("size != 1 GB")));
    }

    @Test
    void sortsByEveryFieldBothWays() throws Exception {
        titled("Bravo").instrument("NanoMAX").size(30).start("2024-01-03T00:00:00Z").recordIn(catalog, "ds-b");
        titled("alpha").instrument("CoSAXS").size(10).start("2024-01-02T00:00:00Z").recordIn(catalog, "ds-a");
        titled("Charlie").instrument("BioMAX").size(20).start("2024-01-01T00:00:00Z").recordIn(catalog, "ds-c");
        catchUp();

        assertEquals(List.of("ds-c", "ds-a", "ds-b"), sortedBy(SortField.START_TIME, false));
        assertEquals(List.of("ds-b", "ds-a", "ds-c"), sortedBy(SortField.START_TIME, true));
        assertEquals(List.of("ds-a", "ds-b", "ds-c"), sortedBy(SortField.TITLE, false));
        assertEquals(List.of("ds-c", "ds-b", "ds-a"), sortedBy(SortField.TITLE, true));
        assertEquals(List.of("ds-a", "ds-c", "ds-b"), sortedBy(SortField.SIZE, false));
        assertEquals(List.of("ds-b", "ds-c", "ds-a"), sortedBy(SortField.SIZE, true));
        assertEquals(List.of("ds-c", "ds-a", "ds-b"), sortedBy(SortField.INSTRUMENT, false));
        // without text terms relevance means nothing: newest first, score 0
        assertEquals(List.of("ds-b", "ds-a", "ds-c"), sortedBy(SortField.RELEVANCE, false));
        SearchResult all = index.search(new SearchRequest("", SortField.RELEVANCE, true, 0, 10, List.of()), CURATOR);
        assertTrue(all.hits().stream().allMatch(h -> h.score() == 0f));
    }

    @Test
    void relevancePutsTheBetterMatchFirstWithItsScore() throws Exception {
        titled("protein").description("protein protein in a protein buffer").recordIn(catalog, "ds-strong");
        titled("Buffer only").description("one mention of protein among many other words here").recordIn(catalog,
                "ds-weak");
        catchUp();

        SearchResult result = index.search(new SearchRequest("protein", SortField.RELEVANCE, true, 0, 10, List.of()),
                CURATOR);
        assertEquals(List.of("ds-strong", "ds-weak"), ids(result));
        assertTrue(result.hits().get(0).score() > result.hits().get(1).score());
        assertTrue(result.hits().get(1).score() > 0);
        // scores are also reported when ordering by something else
        SearchResult byTitle = index.search(new SearchRequest("protein", SortField.TITLE, false, 0, 10, List.of()),
                CURATOR);
        assertTrue(byTitle.hits().stream().allMatch(h -> h.score() > 0));
    }

    @Test
    void pagesThroughHitsWithAnExactTotal() throws Exception {
        for (int i = 0; i < 25; i++) {
            titled("scan " + i).start(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i).toString())
                    .recordIn(catalog, String.format("ds-%02d", i));
        }
        catchUp();

        SearchResult second = index.search(new SearchRequest("scan", SortField.START_TIME, false, 10, 10, List.of()),
                CURATOR);
        assertEquals(25, second.total());
        assertEquals(List.of("ds-10", "ds-11", "ds-12", "ds-13", "ds-14", "ds-15", "ds-16", "ds-17", "ds-18",
                "ds-19"), ids(second));
        SearchResult last = index.search(new SearchRequest("scan", SortField.START_TIME, false, 20, 10, List.of()),
                CURATOR);
        assertEquals(List.of("ds-20", "ds-21", "ds-22", "ds-23", "ds-24"), ids(last));
        SearchResult beyond = index.search(new SearchRequest("scan", SortField.START_TIME, false, 40, 10, List.of()),
                CURATOR);
        assertEquals(25, beyond.total());
        assertEquals(List.of(), beyond.hits());
    }

    @Test
    void aHitCarriesWhatTheResultTableShows() throws Exception {
        titled("Lysozyme").instrument("CoSAXS").proposal("20240123").technique("SAXS").size(1234)
                .start("2024-02-15T10:00:00Z").recordIn(catalog, "ds-1");
        catchUp();

        SearchHit hit = search("lysozyme", CURATOR).hits().get(0);
        assertEquals("ds-1", hit.id().value());
        assertEquals("Lysozyme", hit.title());
        assertEquals("CoSAXS", hit.instrument());
        assertEquals("20240123", hit.proposalId());
        assertEquals("SAXS", hit.technique());
        assertEquals(Instant.parse("2024-02-15T10:00:00Z"), hit.startTime());
        assertEquals(1234, hit.size());
    }

    @Test
    void countsFacetsOverAllHitsLargestFirst() throws Exception {
        titled("a").instrument("CoSAXS").technique("SAXS").proposal("p1").start("2024-01-01T00:00:00Z")
                .recordIn(catalog, "ds-1");
        titled("b").instrument("CoSAXS").technique("WAXS").proposal("p1").start("2025-01-01T00:00:00Z")
                .recordIn(catalog, "ds-2");
        titled("c").instrument("NanoMAX").technique("SAXS").start("2025-06-01T00:00:00Z").recordIn(catalog, "ds-3");
        titled("d other").instrument("BioMAX").recordIn(catalog, "ds-4");
        catchUp();

        SearchResult result = index.search(new SearchRequest("NOT other", SortField.START_TIME, false, 0, 1,
                List.of("instrument", "technique", "year", "proposal")), CURATOR);
        assertEquals(3, result.total());
        assertEquals(List.of(
                new Facet("instrument", List.of(new FacetValue("CoSAXS", 2), new FacetValue("NanoMAX", 1))),
                new Facet("technique", List.of(new FacetValue("SAXS", 2), new FacetValue("WAXS", 1))),
                new Facet("year", List.of(new FacetValue("2025", 2), new FacetValue("2024", 1))),
                new Facet("proposal", List.of(new FacetValue("p1", 2)))), result.facets());
    }

    @Test
    void aFacetListsAtMostTheHundredLargestValues() throws Exception {
        titled("big 1").proposal("big").recordIn(catalog, "ds-big-1");
        titled("big 2").proposal("big").recordIn(catalog, "ds-big-2");
        for (int i = 0; i < DatasetIndex.MAX_FACET_VALUES + 5; i++) {
            titled("small").proposal(String.format("p%03d", i)).recordIn(catalog, "ds-" + i);
        }
        catchUp();

        List<FacetValue> values = index.search(new SearchRequest("", SortField.START_TIME, false, 0, 1,
                List.of("proposal")), CURATOR).facets().get(0).values();
        assertEquals(DatasetIndex.MAX_FACET_VALUES, values.size());
        assertEquals(new FacetValue("big", 2), values.get(0));
        assertEquals(new FacetValue("p000", 1), values.get(1));
    }

    @Test
    void facetsOnAnEmptyIndexAreEmpty() throws Exception {
        SearchResult result = index.search(new SearchRequest("", SortField.START_TIME, false, 0, 10,
                List.of("instrument")), CURATOR);
        assertEquals(0, result.total());
        assertEquals(List.of(new Facet("instrument", List.of())), result.facets());
    }

    @Test
    void anUnknownFacetIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> index.search(
                new SearchRequest("", SortField.START_TIME, false, 0, 10, List.of("colour")), CURATOR));
        assertEquals("facets", e.field());
    }

    @Test
    void accessRuleAppliesToHitsTotalsAndFacets() throws Exception {
        titled("secret protein").instrument("CoSAXS").proposal("p1").recordIn(catalog, "ds-private");
        titled("open protein").instrument("NanoMAX").proposal("p2").isPublic().recordIn(catalog, "ds-public");
        titled("embargo ends now protein").instrument("BioMAX").proposal("p3").publicFrom(NOW)
                .recordIn(catalog, "ds-now");
        titled("staff protein").instrument("BioMAX").recordIn(catalog, "ds-commissioning");
        catchUp();
        List<String> facets = List.of("instrument", "proposal");

        Viewer outsider = new Viewer("eve", Set.of("p9"), Set.of("Balder"), false);
        SearchResult seen = index.search(new SearchRequest("secret", SortField.START_TIME, false, 0, 10, facets),
                outsider);
        assertEquals(0, seen.total());
        assertEquals(List.of(), seen.hits());
        assertEquals(List.of(new Facet("instrument", List.of()), new Facet("proposal", List.of())), seen.facets());

        SearchResult outsiderAll = index.search(new SearchRequest("protein", SortField.TITLE, false, 0, 10, facets),
                outsider);
        assertEquals(List.of("ds-now", "ds-public"), ids(outsiderAll));
        assertEquals(2, outsiderAll.total());
        assertEquals(List.of(new FacetValue("BioMAX", 1), new FacetValue("NanoMAX", 1)),
                outsiderAll.facets().get(0).values());
        assertEquals(List.of("ds-now", "ds-public"), ids(search("protein", Viewer.anonymous())));

        Viewer member = new Viewer("ada", Set.of("p1"), Set.of(), false);
        assertEquals(List.of("ds-now", "ds-private", "ds-public"), sorted(ids(search("protein", member))));
        Viewer staff = new Viewer("bob", Set.of(), Set.of("BioMAX"), false);
        assertEquals(List.of("ds-commissioning", "ds-now", "ds-public"), sorted(ids(search("protein", staff))));
        assertEquals(4, search("protein", CURATOR).total());
    }

    @Test
    void embargoEndsWithTime() throws Exception {
        titled("later").publicFrom(NOW.plus(Duration.ofDays(2))).recordIn(catalog, "ds-1");
        catchUp();
        assertEquals(0, search("", Viewer.anonymous()).total());
        index.close();
        index = new DatasetIndex(FSDirectory.open(dir), new IndriyaUnitConverter(),
                Clock.fixed(NOW.plus(Duration.ofDays(3)), ZoneOffset.UTC), catalog.instanceId);
        assertEquals(1, search("", Viewer.anonymous()).total());
    }

    @Test
    void aChangedDatasetReplacesItsDocument() throws Exception {
        titled("first title").recordIn(catalog, "ds-1");
        catchUp();
        titled("second title").isPublic().recordIn(catalog, "ds-1");
        catchUp();

        assertEquals(List.of(), ids("first"));
        assertEquals(List.of("ds-1"), ids(search("second", Viewer.anonymous())));
        assertEquals(1, search("", CURATOR).total());
    }

    @Test
    void afterARestartOnlyNewerChangesAreApplied() throws Exception {
        titled("one").recordIn(catalog, "ds-1");
        titled("two").recordIn(catalog, "ds-2");
        catchUp();
        assertEquals(2, index.appliedSequence());
        index.close();

        titled("three").recordIn(catalog, "ds-3");
        catalog.askedSince.clear();
        index = openIndex();
        assertEquals(2, index.appliedSequence());
        assertEquals(1, index.catchUp(catalog, Integer.MAX_VALUE, () -> true));
        assertEquals(2L, catalog.askedSince.get(0));
        assertEquals(3, index.appliedSequence());
        assertEquals(3, search("", CURATOR).total());
    }

    @Test
    void anIndexBuiltFromAnotherCatalogueDatabaseIsEmptiedAndRebuilt() throws Exception {
        titled("one").recordIn(catalog, "ds-1");
        catchUp();
        index.close();

        catalog.instanceId = "fake-catalogue-2"; // the catalogue now runs on another database
        index = openIndex();
        assertEquals(0, index.appliedSequence());
        assertEquals(0, search("", CURATOR).total());
        assertEquals(1, index.catchUp(catalog, Integer.MAX_VALUE, () -> true));
        assertEquals(List.of("ds-1"), ids("one"));
    }

    @Test
    void anIndexOfAnotherSchemaIsEmptiedAndRebuiltFromTheStart() throws Exception {
        titled("one").recordIn(catalog, "ds-1");
        catchUp();
        index.close();
        try (IndexWriter old = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
            old.setLiveCommitData(Map.of(DatasetIndex.SEQUENCE_KEY, "1", DatasetIndex.SCHEMA_KEY, "0").entrySet());
            old.commit();
        }

        index = openIndex();
        assertEquals(0, index.appliedSequence());
        assertEquals(0, search("", CURATOR).total());
        assertEquals(1, index.catchUp(catalog, Integer.MAX_VALUE, () -> true));
        assertEquals(List.of("ds-1"), ids("one"));
    }

    @Test
    void catchUpWorksThroughBatchesAndStopsWhenAsked() throws Exception {
        for (int i = 0; i < DatasetIndex.BATCH * 2 + 7; i++) {
            titled("scan " + i).recordIn(catalog, "ds-" + i);
        }
        assertEquals(DatasetIndex.BATCH, index.catchUp(catalog, 1, () -> true));
        assertEquals(DatasetIndex.BATCH, search("", CURATOR).total());
        assertEquals(0, index.catchUp(catalog, Integer.MAX_VALUE, () -> false));
        assertEquals(DatasetIndex.BATCH + 7, index.catchUp(catalog, Integer.MAX_VALUE, () -> true));
        assertEquals(DatasetIndex.BATCH * 2 + 7, search("", CURATOR).total());
        assertEquals(catalog.lastSequence(), index.appliedSequence());
    }

    @Test
    void aFailingCatalogueLeavesWhatWasAppliedCommitted() throws Exception {
        for (int i = 0; i < DatasetIndex.BATCH + 3; i++) {
            titled("scan " + i).recordIn(catalog, "ds-" + i);
        }
        catalog.failAfterCalls = 1;
        assertThrows(CatalogException.class, () -> index.catchUp(catalog, Integer.MAX_VALUE, () -> true));
        assertEquals(DatasetIndex.BATCH, index.appliedSequence());
        assertEquals(DatasetIndex.BATCH, search("", CURATOR).total());
        index.close();

        catalog.failAfterCalls = Integer.MAX_VALUE;
        index = openIndex(); // as after a restart: resume from the last commit
        assertEquals(DatasetIndex.BATCH, index.appliedSequence());
        assertEquals(3, index.catchUp(catalog, Integer.MAX_VALUE, () -> true));
        assertEquals(DatasetIndex.BATCH + 3, search("", CURATOR).total());
    }

    private List<String> sortedBy(SortField sort, boolean descending) throws Exception {
        return ids(index.search(new SearchRequest("", sort, descending, 0, 10, List.of()), CURATOR));
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }
}
