package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.datastamp.catalog.api.InvalidInputException;
import org.datastamp.catalog.api.SortField;
import org.datastamp.catalog.api.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class DatasetsResourceTest {

    private static final String DATASETS = "/api/v1/datasets";
    private static final String BODY = """
            {"id":"ds-client-1","title":"Lysozyme at 300 K","instrument":"CoSAXS","type":"RAW",
             "startTime":"2026-01-31T12:00:00Z","endTime":"2026-01-31T12:00:05Z","location":"raw/1",
             "files":[{"path":"scan.nxs","size":2048,"checksum":"%s"}],
             "metadata":[{"name":"sample_temperature","value":300,"unit":"K"}]}
            """.formatted("ab".repeat(32));

    private final Fakes.FakeCatalog catalog = new Fakes.FakeCatalog();
    private final Fakes.FakeSearch search = new Fakes.FakeSearch(catalog);
    private final Fakes.FakeDirectory directory = new Fakes.FakeDirectory();
    private final DatasetsResource resource = new DatasetsResource(() -> catalog, () -> search, () -> directory,
            new JsonCodec());

    @BeforeEach
    void datasets() {
        catalog.datasets.add(Fakes.dataset("ds-1", 1));
        catalog.datasets.add(Fakes.dataset("ds-2", 2));
        catalog.datasets.add(Fakes.dataset("ds-pub", 3, "NanoMAX", "20190001", Fakes.T0));
    }

    @Test
    void searchPassesTheCallersViewerAndParameters() throws ProblemException {
        Viewer member = Fakes.member("ann", "20240123");
        JsonNode body = resource.handle(Requests.get(DATASETS, "", Map.of("q", "Scan", "sort", "title", "order",
                "asc", "offset", "1", "limit", "1", "facets", "instrument,year"), member)).body();

        assertEquals(member, search.lastViewer);
        assertEquals(SortField.TITLE, search.lastRequest.sort());
        assertEquals(false, search.lastRequest.descending());
        assertEquals(List.of("instrument", "year"), search.lastRequest.facets());
        assertEquals(3, body.get("total").longValue());
        assertEquals(1, body.get("offset").intValue());
        assertEquals(1, body.get("hits").size());
        assertEquals(2, body.get("facets").get("instrument").get(0).get("count").longValue());
    }

    @Test
    void anOutsiderSeesOnlyPublicDatasetsInHitsAndFacets() throws ProblemException {
        catalog.datasets.removeIf(d -> d.id().value().equals("ds-pub"));

        JsonNode body = resource.handle(Requests.get(DATASETS, "", Map.of("facets", "instrument"),
                Fakes.member("eve", "20990001"))).body();

        assertEquals(0, body.get("total").longValue());
        assertEquals(0, body.get("hits").size());
        assertEquals(0, body.get("facets").get("instrument").size());
    }

    @Test
    void emptyQueryIsNewestFirstAndTextQueryByRelevance() throws ProblemException {
        resource.handle(Requests.get(DATASETS, "", Map.of()));
        assertEquals(SortField.START_TIME, search.lastRequest.sort());
        assertTrue(search.lastRequest.descending());
        assertEquals(Viewer.anonymous(), search.lastViewer);

        resource.handle(Requests.get(DATASETS, "", Map.of("q", "lysozyme")));
        assertEquals(SortField.RELEVANCE, search.lastRequest.sort());
    }

    @Test
    void badQueryIs400WithPositionAndReason() {
        ProblemException e = assertProblem(400, "position 4", () -> resource.handle(Requests.get(DATASETS, "",
                Map.of("q", "abc !"))));
        assertEquals(4, e.problem().members().get("position"));
        assertEquals("unexpected '!'", e.problem().members().get("reason"));
    }

    @Test
    void badPagingSortOrFacetIs400NamingTheParameter() {
        assertEquals("limit", assertProblem(400, "'limit'", () -> resource.handle(Requests.get(DATASETS, "",
                Map.of("limit", "0")))).problem().members().get("field"));
        assertEquals("offset", assertProblem(400, "'offset'", () -> resource.handle(Requests.get(DATASETS, "",
                Map.of("offset", "-1")))).problem().members().get("field"));
        assertProblem(400, "'sort'", () -> resource.handle(Requests.get(DATASETS, "", Map.of("sort", "colour"))));
        assertProblem(400, "'order'", () -> resource.handle(Requests.get(DATASETS, "", Map.of("order", "up"))));
        assertProblem(400, "'facets'", () -> resource.handle(Requests.get(DATASETS, "", Map.of("facets", "x"))));
    }

    @Test
    void aMemberGetsTheWholeDataset() throws ProblemException {
        ApiResponse response = resource.handle(Requests.get(DATASETS, "/ds-1", Map.of(),
                Fakes.member("ann", "20240123")));

        assertEquals(200, response.status());
        assertEquals("ds-1", response.body().get("id").textValue());
        assertEquals("ab".repeat(32), response.body().get("files").get(0).get("checksum").textValue());
        assertEquals("K", response.body().get("metadata").get(0).get("unit").textValue());
    }

    @Test
    void aPrivateDatasetIsTheSame404AsAnUnknownOne() {
        String hidden = assertProblem(404, "No dataset with id", () -> resource.handle(Requests.get(DATASETS, "/ds-1",
                Map.of(), Fakes.member("eve", "20990001")))).problem().detail();
        String unknown = assertProblem(404, "No dataset with id", () -> resource.handle(Requests.get(DATASETS,
                "/ds-404", Map.of(), Fakes.member("eve", "20990001")))).problem().detail();

        assertEquals(hidden.replace("ds-1", "X"), unknown.replace("ds-404", "X"));
        assertProblem(404, "No dataset with id", () -> resource.handle(Requests.get(DATASETS, "/ds-1", Map.of())));
    }

    @Test
    void staffOfTheInstrumentAndAnonymousOnPublicDataSeeIt() throws ProblemException {
        assertEquals(200, resource.handle(Requests.get(DATASETS, "/ds-1", Map.of(), Fakes.staff("sam", "CoSAXS")))
                .status());
        assertEquals(200, resource.handle(Requests.get(DATASETS, "/ds-pub", Map.of())).status());
    }

    @Test
    void anonymousIngestIs401WithAChallenge() {
        ProblemException e = assertProblem(401, "signed-in", () -> resource.handle(Requests.post(DATASETS, BODY)));
        assertEquals(ApiAuthentication.CHALLENGE, e.response().headers().get("WWW-Authenticate"));
    }

    @Test
    void ingestByAMemberOrStaffOfAnotherInstrumentIs403() {
        assertProblem(403, "may not register datasets of instrument 'CoSAXS'", () -> resource.handle(Requests.post(
                DATASETS, "", BODY, Fakes.member("ann", "20240123"))));
        assertProblem(403, "'CoSAXS'", () -> resource.handle(Requests.post(DATASETS, "", BODY,
                Fakes.staff("sam", "NanoMAX"))));
        assertEquals(0, catalog.datasets.stream().filter(d -> d.id().value().equals("ds-client-1")).count());
    }

    @Test
    void staffIngestIs201WithLocationAndRepeatingItIs200WithTheSameDataset() throws ProblemException {
        ApiResponse first = resource.handle(Requests.post(DATASETS, "", BODY, Fakes.staff("sam", "CoSAXS")));
        ApiResponse again = resource.handle(Requests.post(DATASETS, "", BODY, Fakes.staff("sam", "CoSAXS")));

        assertEquals(201, first.status());
        assertEquals("/api/v1/datasets/ds-client-1", first.headers().get("Location"));
        assertEquals(200, again.status());
        assertEquals(first.body(), again.body());
        assertEquals(300, again.body().get("metadata").get(0).get("value").intValue());
    }

    @Test
    void sameIdWithOtherContentIs409() throws ProblemException {
        resource.handle(Requests.post(DATASETS, "", BODY, Fakes.curator()));

        assertProblem(409, "different content", () -> resource.handle(Requests.post(DATASETS, "",
                BODY.replace("Lysozyme at 300 K", "Something else"), Fakes.curator())));
    }

    @Test
    void ingestWithoutIdGetsOneFromTheCatalogue() throws ProblemException {
        ApiResponse response = resource.handle(Requests.post(DATASETS, "", BODY.replace("\"id\":\"ds-client-1\",", ""),
                Fakes.curator()));

        assertEquals(201, response.status());
        assertEquals("/api/v1/datasets/ds-new-1", response.headers().get("Location"));
    }

    @Test
    void badIngestIs400NamingTheField() {
        assertEquals("files[0].checksum", assertProblem(400, "files[0].checksum", () -> resource.handle(
                Requests.post(DATASETS, "", BODY.replace(",\"checksum\":\"" + "ab".repeat(32) + "\"", ""),
                        Fakes.curator()))).problem().members().get("field"));
        assertEquals("title", assertProblem(400, "'title'", () -> resource.handle(Requests.post(DATASETS, "",
                BODY.replace("\"title\":\"Lysozyme at 300 K\",", ""), Fakes.curator()))).problem().members()
                .get("field"));
    }

    @Test
    void catalogueRefusalIs400WithItsField() {
        catalog.refusal = new InvalidInputException("metadata[0].unit", "Unknown unit 'degK'; did you mean 'K'?");

        ProblemException e = assertProblem(400, "Unknown unit 'degK'", () -> resource.handle(Requests.post(DATASETS,
                "", BODY, Fakes.curator())));
        assertEquals("metadata[0].unit", e.problem().members().get("field"));
    }

    @Test
    void batchIsAllOrNothingAndIdempotent() throws ProblemException {
        String second = BODY.replace("ds-client-1", "ds-client-2").replace("Lysozyme at 300 K", "Second");
        String batch = "[" + BODY + "," + second + "]";

        ApiResponse first = resource.handle(Requests.post(DATASETS, "/batch", batch, Fakes.curator()));
        ApiResponse again = resource.handle(Requests.post(DATASETS, "/batch", batch, Fakes.curator()));

        assertEquals(201, first.status());
        assertEquals(2, first.body().get("created").intValue());
        assertEquals("ds-client-2", first.body().get("datasets").get(1).get("id").textValue());
        assertEquals(200, again.status());
        assertEquals(0, again.body().get("created").intValue());
        assertEquals(5, catalog.datasets.size());
    }

    @Test
    void batchNamesTheBadElementAndChecksRightsForEach() {
        String nanomax = BODY.replace("ds-client-1", "ds-client-2").replace("CoSAXS", "NanoMAX");
        assertEquals("[1].instrument", assertProblem(403, "'NanoMAX'", () -> resource.handle(Requests.post(DATASETS,
                "/batch", "[" + BODY + "," + nanomax + "]", Fakes.staff("sam", "CoSAXS")))).problem().members()
                .get("field"));
        assertEquals("[0].id", assertProblem(400, "[0].id", () -> resource.handle(Requests.post(DATASETS, "/batch",
                "[" + BODY.replace("\"id\":\"ds-client-1\",", "") + "]", Fakes.curator()))).problem().members()
                .get("field"));
        assertEquals(3, catalog.datasets.size());
    }

    @Test
    void answers503WithoutCatalogueOrSearch() {
        DatasetsResource without = new DatasetsResource(() -> null, () -> null, () -> null, new JsonCodec());

        assertProblem(503, "No catalogue search", () -> without.handle(Requests.get(DATASETS, "", Map.of())));
        assertProblem(503, "No catalogue is running", () -> without.handle(Requests.get(DATASETS, "/ds-1", Map.of())));
    }

    @Test
    void aFailingCatalogueIs500NamingIt() {
        catalog.broken = true;

        assertProblem(500, "The catalogue 'fake-catalog' failed: database file is locked",
                () -> resource.handle(Requests.get(DATASETS, "/ds-1", Map.of(), Fakes.curator())));
    }

    @Test
    void pathBelowAnItemIs404AndDeleteIs405() {
        assertProblem(404, "items are addressed as /api/v1/datasets/{id}",
                () -> resource.handle(Requests.get(DATASETS, "/ds-1/files", Map.of())));
        assertProblem(405, "answers GET, POST, not DELETE", () -> resource.handle(new ApiRequest("DELETE", "",
                DATASETS, Map.of(), null, Fakes.curator())));
    }

    static ProblemException assertProblem(int status, String detailPart, org.junit.jupiter.api.function.Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call);
        assertEquals(status, e.problem().status(), e.problem().detail());
        assertTrue(e.problem().detail().contains(detailPart), e.problem().detail());
        return e;
    }
}
