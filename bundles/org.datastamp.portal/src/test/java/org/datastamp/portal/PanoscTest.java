package org.datastamp.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.doi.api.DoiMinting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PaNOSC search API's own test cases (panosc-eu/search-api test/*.test.js), on this catalogue. */
class PanoscTest {

    @TempDir
    Path dir;

    private RealCatalog facility;
    private Panosc panosc;

    @BeforeEach
    void open() throws Exception {
        facility = new RealCatalog(dir);
        Fixtures published = new Fixtures();
        published.registered.clear();
        published.registered.add(Fixtures.request("dr-panosc", RealCatalog.DOI,
                Fixtures.metadata("https://data.example.org/doi/" + RealCatalog.DOI),
                List.of(new DatasetId("ds-copper"), new DatasetId("ds-secret")), RealCatalog.T0.plusSeconds(86_400)));
        DoiMinting minting = published.minting();
        panosc = new Panosc(() -> facility.catalog, () -> facility.search, () -> facility.catalog, () -> minting,
                () -> facility.units, PanetTechniques.standard());
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        facility.close();
    }

    private JsonNode get(String path, String... parameters) throws Exception {
        Answer answer = panosc.answer(path, parameters(parameters));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/json; charset=utf-8", answer.contentType());
        return new ObjectMapper().readTree(answer.body());
    }

    private static Map<String, String[]> parameters(String... pairs) {
        Map<String, String[]> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return map;
    }

    private static List<String> pids(JsonNode array) {
        List<String> pids = new ArrayList<>();
        array.forEach(n -> pids.add(n.get("pid").asText()));
        return pids;
    }

    @Test
    void withoutFilterEveryPublicDatasetIsListedWithTheMandatoryFieldsAndNothingEmbargoed() throws Exception {
        JsonNode datasets = get("/Datasets");

        assertEquals(List.of("ds-copper", "ds-iron", "ds-saxs"), pids(datasets).stream().sorted().toList());
        for (JsonNode d : datasets) {
            for (String field : List.of("pid", "title", "isPublic", "creationDate", "score")) {
                assertTrue(d.has(field), field + " in " + d);
            }
        }
        assertTrue(facility.catalog.find(new DatasetId("ds-secret"), Viewer.system()).isPresent());
    }

    @Test
    void aTechniqueIncludeSelectsDatasetsAndListsOnlyThatTechnique() throws Exception {
        JsonNode datasets = get("/Datasets", "filter",
                "{\"include\":[{\"relation\":\"techniques\",\"scope\":{\"where\":{\"name\":\"x-ray absorption\"}}}]}");

        assertEquals(List.of("ds-copper", "ds-iron"), pids(datasets).stream().sorted().toList());
        for (JsonNode d : datasets) {
            assertEquals("x-ray absorption", d.at("/techniques/0/name").asText());
            assertEquals(1, d.get("techniques").size());
        }
    }

    @Test
    void techniquesAreAnsweredAsPanetClasses() throws Exception {
        JsonNode saxs = get("/Datasets/ds-saxs", "filter", "{\"include\":[\"techniques\"]}");
        assertEquals("http://purl.org/pan-science/PaNET/PaNET01188", saxs.at("/techniques/0/pid").asText(),
                "the catalogue's SAXS is PaNET's alternative label of small angle x-ray scattering");
        assertEquals("small angle x-ray scattering", saxs.at("/techniques/0/name").asText());
        assertEquals("http://purl.org/pan-science/PaNET/PaNET01227",
                get("/Datasets/ds-iron", "filter", "{\"include\":[\"techniques\"]}").at("/techniques/0/pid").asText());
    }

    @Test
    void aPanetPidOrAnyNameOfTheClassFindsTheDatasetsAndNothingEmbargoed() throws Exception {
        for (String clause : List.of("{\"pid\":\"http://purl.org/pan-science/PaNET/PaNET01188\"}",
                "{\"pid\":\"PaNET01188\"}", "{\"name\":\"small angle x-ray scattering\"}", "{\"name\":\"saxs\"}",
                "{\"and\":[{\"name\":\"SAXS\"}]}")) {
            JsonNode datasets = get("/Datasets", "filter",
                    "{\"include\":[{\"relation\":\"techniques\",\"scope\":{\"where\":" + clause + "}}]}");
            assertEquals(List.of("ds-saxs"), pids(datasets), clause);
        }
        JsonNode absorption = get("/Datasets", "filter", "{\"include\":[{\"relation\":\"techniques\",\"scope\":"
                + "{\"where\":{\"pid\":\"http://purl.org/pan-science/PaNET/PaNET01227\"}}}]}");
        assertEquals(List.of("ds-copper", "ds-iron"), pids(absorption).stream().sorted().toList(),
                "ds-secret (x-ray absorption, embargoed) stays hidden");
        assertEquals(0, get("/Datasets", "filter", "{\"include\":[{\"relation\":\"techniques\",\"scope\":"
                + "{\"where\":{\"pid\":\"http://purl.org/pan-science/PaNET/PaNET01164\"}}}]}").size());
        assertEquals(0, get("/Datasets", "filter", "{\"include\":[{\"relation\":\"techniques\",\"scope\":"
                + "{\"where\":{\"pid\":\"http://purl.org/pan-science/PaNET/PaNET99999\"}}}]}").size());
    }

    @Test
    void aFacilityOverrideChangesThePidAnsweredAndSearched() throws Exception {
        DoiMinting minting = new Fixtures().minting();
        panosc = new Panosc(() -> facility.catalog, () -> facility.search, () -> facility.catalog, () -> minting,
                () -> facility.units, PanetTechniques.standard("x-ray absorption=PaNET01196"));

        JsonNode iron = get("/Datasets/ds-iron", "filter", "{\"include\":[\"techniques\"]}");
        assertEquals("http://purl.org/pan-science/PaNET/PaNET01196", iron.at("/techniques/0/pid").asText());
        assertEquals("x-ray absorption spectroscopy", iron.at("/techniques/0/name").asText());
        JsonNode byXas = get("/Datasets", "filter", "{\"include\":[{\"relation\":\"techniques\",\"scope\":"
                + "{\"where\":{\"name\":\"XAS\"}}}]}");
        assertEquals(List.of("ds-copper", "ds-iron"), pids(byXas).stream().sorted().toList());
    }

    @Test
    void aParameterRangeInEvComparesAcrossUnitsAndAnswersInEv() throws Exception {
        JsonNode datasets = get("/Datasets", "filter", "{\"include\":[{\"relation\":\"parameters\",\"scope\":{\"where\":"
                + "{\"and\":[{\"name\":\"photon_energy\"},{\"value\":{\"between\":[880,990]}},{\"unit\":\"eV\"}]}}}]}");

        assertEquals(List.of("ds-copper", "ds-saxs"), pids(datasets).stream().sorted().toList(),
                "900 eV and 0.95 keV; 1.2 keV is outside; the embargoed 900 eV is not public");
        for (JsonNode d : datasets) {
            JsonNode p = d.at("/parameters/0");
            assertEquals("photon_energy", p.get("name").asText());
            assertEquals("eV", p.get("unit").asText());
            assertTrue(p.get("value").asDouble() >= 880 && p.get("value").asDouble() <= 990, p.toString());
        }
    }

    @Test
    void aTemperatureBelow80CelsiusMatchesKelvinRecordsAndIsAnsweredInCelsius() throws Exception {
        JsonNode datasets = get("/Datasets", "filter", "{\"include\":[{\"relation\":\"parameters\",\"scope\":{\"where\":"
                + "{\"and\":[{\"name\":\"temperature\"},{\"value\":{\"lt\":80}},{\"unit\":\"celsius\"}]}}}]}");

        assertEquals(List.of("ds-copper"), pids(datasets), "300 K is 26.85 degC; 360 K is 86.85 degC");
        assertEquals("celsius", datasets.at("/0/parameters/0/unit").asText());
        assertEquals(26.85, datasets.at("/0/parameters/0/value").asDouble(), 1e-9);
    }

    @Test
    void twoParameterIncludesMustBothMatchAndBothAreListed() throws Exception {
        JsonNode datasets = get("/Datasets", "filter", "{\"include\":["
                + "{\"relation\":\"parameters\",\"scope\":{\"where\":{\"and\":[{\"name\":\"chemical_formula\"},"
                + "{\"value\":\"Cu\"}]}}},{\"relation\":\"parameters\",\"scope\":{\"where\":{\"and\":"
                + "[{\"name\":\"sample_state\"},{\"value\":\"solid\"}]}}}]}");

        assertEquals(List.of("ds-copper"), pids(datasets));
        assertEquals("chemical_formula", datasets.at("/0/parameters/0/name").asText());
        assertEquals("Cu", datasets.at("/0/parameters/0/value").asText());
        assertEquals("sample_state", datasets.at("/0/parameters/1/name").asText());
        JsonNode either = get("/Datasets", "filter", "{\"include\":[{\"relation\":\"parameters\",\"scope\":{\"where\":"
                + "{\"or\":[{\"and\":[{\"name\":\"sample_state\"},{\"value\":\"solid\"}]},{\"and\":[{\"name\":"
                + "\"chemical_formula\"},{\"value\":\"Fe2O3\"}]}]}}}]}");
        assertEquals(List.of("ds-copper", "ds-iron"), pids(either).stream().sorted().toList());
    }

    @Test
    void filesMatchingTextAndInstrumentsSelectDatasets() throws Exception {
        assertEquals(List.of("ds-copper"), pids(get("/Datasets", "filter",
                "{\"include\":[{\"relation\":\"files\",\"scope\":{\"where\":{\"text\":\"file1\"}}}]}")));
        JsonNode byInstrument = get("/Datasets", "filter",
                "{\"include\":[{\"relation\":\"instrument\",\"scope\":{\"where\":{\"name\":\"CoSAXS beamline\"}}}]}");
        assertEquals(List.of("ds-saxs"), pids(byInstrument));
        assertEquals("MAX IV", byInstrument.at("/0/instrument/facility").asText());
        assertEquals(0, get("/Datasets", "filter",
                "{\"include\":[{\"relation\":\"instrument\",\"scope\":{\"where\":{\"name\":\"LoKI\"}}}]}").size());
    }

    @Test
    void freeTextQueriesScoreTheHitsAndLimitSkipPage() throws Exception {
        JsonNode hits = get("/Datasets", "query", "copper");
        assertEquals(List.of("ds-copper"), pids(hits));
        assertTrue(hits.at("/0/score").asDouble() > 0);

        JsonNode page = get("/Datasets", "filter", "{\"limit\":2,\"skip\":1}");
        assertEquals(2, page.size());
        assertEquals(3, get("/Datasets/count").get("count").asInt());
        assertEquals(2, get("/Datasets/count", "where", "{\"title\":{\"like\":\"%XAS\"}}").get("count").asInt());
        assertEquals("ds-iron", get("/Datasets/ds-iron").get("pid").asText());
    }

    @Test
    void documentsAreTheRegisteredDoisWithMembersAndPublicDatasetsOnly() throws Exception {
        JsonNode documents = get("/Documents", "filter", "{\"include\":[{\"relation\":\"members\",\"scope\":{\"include\":"
                + "[{\"relation\":\"person\",\"scope\":{\"where\":{\"fullName\":\"Investigator, Pia\"}}}]}},"
                + "{\"relation\":\"datasets\",\"scope\":{\"include\":[{\"relation\":\"parameters\",\"scope\":{\"where\":"
                + "{\"and\":[{\"name\":\"photon_energy\"},{\"value\":{\"gt\":0.8}},{\"unit\":\"keV\"}]}}}]}}]}");

        assertEquals(List.of(RealCatalog.DOI), pids(documents));
        JsonNode d = documents.get(0);
        assertEquals("publication", d.get("type").asText());
        assertEquals("0000-0002-1825-0097", d.at("/members/0/person/orcid").asText());
        assertEquals(1, d.get("datasets").size(), "the embargoed dataset of the DOI is not shown");
        assertEquals("keV", d.at("/datasets/0/parameters/0/unit").asText());
        assertEquals(0.9, d.at("/datasets/0/parameters/0/value").asDouble(), 1e-12);
        assertEquals(RealCatalog.DOI, get("/Documents/" + RealCatalog.DOI).get("pid").asText());
    }

    @Test
    void instrumentsAreFilteredByNameAndFacility() throws Exception {
        assertEquals(List.of("Balder"), pids(get("/Instruments", "filter", "{\"where\":{\"name\":\"Balder XAS beamline\"}}")));
        assertEquals(2, get("/Instruments", "filter", "{\"where\":{\"facility\":\"MAX IV\"},\"limit\":5}").size());
    }

    @Test
    void badFiltersAndUnknownItemsAreLoopbackErrors() throws Exception {
        Map<String, String> bad = Map.of(
                "{\"where\":", "not JSON",
                "{\"include\":[{\"relation\":\"proposals\"}]}", "'proposals' is not a relation of Dataset",
                "{\"where\":{\"size\":{\"approximately\":3}}}", "Unknown operator 'approximately'",
                "{\"limit\":100000}", "limit must be between 1 and 1000",
                "{\"order\":\"x\",\"colour\":1}", "Unknown filter key 'colour'");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            Answer answer = panosc.answer("/Datasets", parameters("filter", b.getKey()));
            assertEquals(400, answer.status(), b.getKey());
            JsonNode error = new ObjectMapper().readTree(answer.body()).get("error");
            assertEquals(400, error.get("statusCode").asInt());
            assertTrue(error.get("message").asText().contains(b.getValue()), error.toString());
        }
        assertEquals(404, panosc.answer("/Datasets/ds-secret", Map.of()).status(), "embargoed is not found");
        assertEquals(404, panosc.answer("/Samples", Map.of()).status());
    }
}
