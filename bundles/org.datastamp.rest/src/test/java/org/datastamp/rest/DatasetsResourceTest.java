package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class DatasetsResourceTest {

    private final Fakes.FakeCatalog catalog = new Fakes.FakeCatalog();
    private final DatasetsResource resource = new DatasetsResource(() -> catalog);

    @BeforeEach
    void threeDatasets() {
        catalog.datasets.add(Fakes.dataset("ds-1", 1));
        catalog.datasets.add(Fakes.dataset("ds-2", 2));
        catalog.datasets.add(Fakes.dataset("ds-3", 3));
    }

    @Test
    void listsAPageNewestFirstWithTheTotal() throws ProblemException {
        JsonNode body = resource.handle(Requests.get("/api/datasets", "/", Map.of("offset", "1", "limit", "1"))).body();

        assertEquals(3, body.get("total").longValue());
        assertEquals(1, body.get("offset").intValue());
        assertEquals(1, body.get("limit").intValue());
        assertEquals(1, body.get("items").size());
        assertEquals("ds-2", body.get("items").get(0).get("id").textValue());
    }

    @Test
    void returnsOneDatasetWithItsFilesAndMetadata() throws ProblemException {
        ApiResponse response = resource.handle(Requests.get("/api/datasets", "/ds-3", Map.of()));

        assertEquals(200, response.status());
        assertEquals("ds-3", response.body().get("id").textValue());
        assertEquals("scan.nxs", response.body().get("files").get(0).get("path").textValue());
        assertEquals(4, response.body().get("metadata").size());
    }

    @Test
    void unknownIdIs404() {
        assertProblem(404, "No dataset with id 'ds-404'", () -> resource.handle(
                Requests.get("/api/datasets", "/ds-404", Map.of())));
    }

    @Test
    void idThatCannotExistIs404() {
        assertProblem(404, "No dataset '-x'", () -> resource.handle(Requests.get("/api/datasets", "/-x", Map.of())));
    }

    @Test
    void pathBelowAnItemIs404() {
        assertProblem(404, "items are addressed as /api/datasets/{id}",
                () -> resource.handle(Requests.get("/api/datasets", "/ds-1/files", Map.of())));
    }

    @Test
    void badPagingIs400() {
        assertProblem(400, "'limit'", () -> resource.handle(Requests.get("/api/datasets", "", Map.of("limit", "x"))));
    }

    @Test
    void answers503WithoutCatalogue() {
        DatasetsResource without = new DatasetsResource(() -> null);

        assertProblem(503, "No catalogue is running", () -> without.handle(Requests.get("/api/datasets", "", Map.of())));
        assertProblem(503, "No catalogue is running",
                () -> without.handle(Requests.get("/api/datasets", "/ds-1", Map.of())));
    }

    @Test
    void aFailingCatalogueIs500NamingIt() {
        catalog.broken = true;

        assertProblem(500, "The catalogue 'fake-catalog' failed: database file is locked",
                () -> resource.handle(Requests.get("/api/datasets", "", Map.of())));
    }

    @Test
    void postIs405() {
        assertProblem(405, "answers GET, not POST", () -> resource.handle(Requests.post("/api/datasets", "{}")));
    }

    static void assertProblem(int status, String detailPart, org.junit.jupiter.api.function.Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call);
        assertEquals(status, e.problem().status(), e.problem().detail());
        assertTrue(e.problem().detail().contains(detailPart), e.problem().detail());
    }
}
