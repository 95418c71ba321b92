package org.datastamp.rest;

import static org.datastamp.rest.DatasetsResourceTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.datastamp.catalog.api.Viewer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class LogbookResourceTest {

    static final String LOGBOOKS = "/api/v1/logbooks";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    private final LogbookFakes logbook = new LogbookFakes();
    private final LogbookResource resource = new LogbookResource(() -> logbook, new JsonCodec());
    private final Viewer pia = Fakes.member("pia", "P1");
    private final Viewer reader = new Viewer("reader", java.util.Set.of(), java.util.Set.of(), false);

    private JsonNode get(String path, Map<String, String> query, Viewer viewer) throws ProblemException {
        return resource.handle(Requests.get(LOGBOOKS, path, query, viewer)).body();
    }

    @Test
    void theSessionOverviewListsScansEntriesAndImages() throws ProblemException {
        resource.handle(Requests.post(LOGBOOKS, "/sessions/S1/entries", "{\"markdown\":\"Beam is up\"}", pia));

        JsonNode overview = get("/sessions/S1", Map.of(), reader);

        assertEquals(3, overview.get("scans").size());
        assertEquals("12.4 keV", overview.get("scans").get(0).get("values").get("beam_energy").textValue());
        assertEquals("Beam is up", overview.get("entries").get(0).get("markdown").textValue());
        assertEquals(0, overview.get("images").size());
    }

    @Test
    void theOverviewFiltersByStatusTagStarsAndText() throws ProblemException {
        resource.handle(Requests.post(LOGBOOKS, "/scans/scan-000002/tags", "{\"add\":[\"best\"]}", pia));
        assertEquals("scan-000003", get("/sessions/S1/scans", Map.of("status", "failed"), pia).get(0)
                .get("scanId").textValue());
        assertEquals(1, get("/sessions/S1/scans", Map.of("tag", "best"), pia).size());
        assertEquals(1, get("/sessions/S1/scans", Map.of("text", "Scan 1"), pia).size());
        assertProblem(400, "minStars", () -> get("/sessions/S1/scans", Map.of("minStars", "many"), pia));
        assertProblem(400, "status must be", () -> get("/sessions/S1/scans", Map.of("status", "GOOD"), pia));
    }

    @Test
    void aNoteIsCreatedAt201AndEditsKeepEveryVersion() throws ProblemException {
        ApiResponse created = resource.handle(Requests.post(LOGBOOKS, "/sessions/S1/entries",
                "{\"markdown\":\"first\"}", pia));
        assertEquals(201, created.status());
        String id = created.body().get("id").textValue();
        assertEquals(LOGBOOKS + "/entries/" + id, created.headers().get("Location"));

        JsonNode edited = resource.handle(Requests.put(LOGBOOKS, "/entries/" + id,
                "{\"basedOn\":1,\"markdown\":\"second\"}", Fakes.staff("sam", "CoSAXS"))).body();
        assertEquals(2, edited.get("version").intValue());
        assertEquals("sam", edited.get("editedBy").textValue());

        JsonNode history = get("/entries/" + id + "/history", Map.of(), pia);
        assertEquals("first", history.get(0).get("markdown").textValue());
        assertEquals("pia", history.get(0).get("author").textValue());
        assertEquals("second", history.get(1).get("markdown").textValue());
    }

    @Test
    void anEditOfAnOlderVersionIs409() throws ProblemException {
        String id = resource.handle(Requests.post(LOGBOOKS, "/sessions/S1/entries", "{\"markdown\":\"first\"}", pia))
                .body().get("id").textValue();
        resource.handle(Requests.put(LOGBOOKS, "/entries/" + id, "{\"basedOn\":1,\"markdown\":\"second\"}", pia));

        assertProblem(409, "version 2", () -> resource.handle(Requests.put(LOGBOOKS, "/entries/" + id,
                "{\"basedOn\":1,\"markdown\":\"lost?\"}", pia)));
        assertEquals(2, logbook.versions.get(id).size());
    }

    @Test
    void commentsRatingsAndTagsChangeTheScanRow() throws ProblemException {
        assertEquals(201, resource.handle(Requests.post(LOGBOOKS, "/scans/scan-000001/comments",
                "{\"markdown\":\"nice peak\"}", pia)).status());
        assertEquals("nice peak", get("/scans/scan-000001/comments", Map.of(), pia).get(0).get("markdown")
                .textValue());

        JsonNode rated = resource.handle(Requests.put(LOGBOOKS, "/scans/scan-000001/rating", "{\"stars\":4}", pia))
                .body();
        assertEquals(4.0, rated.get("rating").doubleValue());
        assertEquals(4, rated.get("myRating").intValue());

        JsonNode tagged = resource.handle(Requests.post(LOGBOOKS, "/scans/scan-000001/tags",
                "{\"add\":[\"calibration\",\"best\"],\"remove\":[\"best\"]}", pia)).body();
        assertEquals("calibration", tagged.get("tags").get(0).textValue());
        assertEquals(1, tagged.get("tags").size());
    }

    @Test
    void badRatingsAndBodiesAre400NamingTheField() {
        ProblemException stars = assertProblem(400, "stars", () -> resource.handle(Requests.put(LOGBOOKS,
                "/scans/scan-000001/rating", "{\"stars\":9}", pia)));
        assertEquals("stars", stars.problem().members().get("field"));
        assertProblem(400, "whole number", () -> resource.handle(Requests.put(LOGBOOKS, "/scans/scan-000001/rating",
                "{\"stars\":\"four\"}", pia)));
        assertProblem(400, "Unknown field 'text'", () -> resource.handle(Requests.post(LOGBOOKS,
                "/sessions/S1/entries", "{\"text\":\"x\"}", pia)));
        assertProblem(400, "Malformed JSON", () -> resource.handle(Requests.post(LOGBOOKS, "/sessions/S1/entries",
                "{", pia)));
    }

    @Test
    void readersAre403WhenWritingAnonymous401AndOutsiders404() {
        assertProblem(403, "may read but not write", () -> resource.handle(Requests.post(LOGBOOKS,
                "/sessions/S1/entries", "{\"markdown\":\"x\"}", reader)));
        assertProblem(404, "No session 'S1'", () -> resource.handle(Requests.post(LOGBOOKS, "/sessions/S1/entries",
                "{\"markdown\":\"x\"}", Viewer.anonymous())));
        assertProblem(404, "No session 'S1'", () -> get("/sessions/S1", Map.of(), Fakes.member("out", "P2")));
        assertEquals(0, logbook.entries.size());
    }

    @Test
    void anImageIsUploadedAsTheRawBodyAndServedWithItsThumbnail() throws ProblemException {
        ApiResponse uploaded = resource.handle(new ApiRequest("POST", "/sessions/S1/images", LOGBOOKS,
                Map.of("name", "plot.png"), PNG, pia, "image/png"));
        assertEquals(201, uploaded.status());
        String id = uploaded.body().get("id").textValue();
        assertEquals("![plot.png](image:" + id + ")", uploaded.body().get("markdown").textValue());
        assertEquals("/api/v1/logbooks/images/" + id, uploaded.headers().get("Location"));

        ApiResponse image = resource.handle(Requests.get(LOGBOOKS, "/images/" + id, Map.of(), reader));
        assertEquals("image/png", image.contentType());
        assertArrayEquals(PNG, image.bytes());
        assertArrayEquals(new byte[] {1}, resource.handle(Requests.get(LOGBOOKS, "/images/" + id + "/thumbnail",
                Map.of(), reader)).bytes());
        assertProblem(404, "No image 'img-9'", () -> resource.handle(Requests.get(LOGBOOKS, "/images/img-9",
                Map.of(), reader)));
    }

    @Test
    void anUploadThatIsNoImageIs400AndNothingIsStored() {
        assertProblem(400, "content", () -> resource.handle(new ApiRequest("POST", "/sessions/S1/images", LOGBOOKS,
                Map.of(), "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), pia, "image/png")));
        assertProblem(400, "as the request body", () -> resource.handle(new ApiRequest("POST", "/sessions/S1/images",
                LOGBOOKS, Map.of(), new byte[0], pia, "image/png")));
        assertEquals(0, logbook.images.size());
    }

    @Test
    void theExportIsAnAttachmentInTheChosenFormat() throws ProblemException {
        ApiResponse pdf = resource.handle(Requests.get(LOGBOOKS, "/sessions/S1/export", Map.of("format", "pdf"), pia));
        assertEquals("application/pdf", pdf.contentType());
        assertEquals("attachment; filename=\"logbook-S1.pdf\"", pdf.headers().get("Content-Disposition"));
        ApiResponse html = resource.handle(Requests.get(LOGBOOKS, "/sessions/S1/export", Map.of(), pia));
        assertEquals("text/html", html.contentType());
        assertProblem(400, "html or pdf", () -> resource.handle(Requests.get(LOGBOOKS, "/sessions/S1/export",
                Map.of("format", "docx"), pia)));
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        assertProblem(404, "Nothing at /api/v1/logbooks/sessions", () -> get("/sessions", Map.of(), pia));
        ProblemException e = assertProblem(405, "answers PUT", () -> get("/scans/scan-000001/rating", Map.of(), pia));
        assertEquals("PUT", e.response().headers().get("Allow"));
    }

    @Test
    void withoutALogbookServiceTheApiIs503() {
        LogbookResource none = new LogbookResource(() -> null, new JsonCodec());
        assertProblem(503, "logbook", () -> none.handle(Requests.get(LOGBOOKS, "/sessions/S1", Map.of(), pia)));
    }
}
