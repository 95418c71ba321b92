package org.datastamp.rest;

import static org.datastamp.rest.DatasetsResourceTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.core.api.CapabilityKind;
import org.junit.jupiter.api.Test;

class ScansResourceTest {

    private static final String SCAN = "{\"detectorId\":\"simulated-detector\",\"frameCount\":10,\"title\":\"Test scan\"}";

    private final Fakes.FakeScanService scans = new Fakes.FakeScanService();
    private final Fakes.FakeRegistry registry = new Fakes.FakeRegistry()
            .with(CapabilityKind.DETECTOR, "simulated-detector")
            .with(CapabilityKind.STORAGE, "hot-disk");
    private final ScansResource resource = new ScansResource(() -> scans, () -> registry, new JsonCodec());

    @Test
    void postStartsAScanAndAnswers202WithLocationAndStatus() throws ProblemException {
        ApiResponse response = resource.handle(Requests.post("/api/scans", "", Fakes.curator(), SCAN));

        assertEquals(202, response.status());
        assertEquals("/api/scans/scan-000001", response.headers().get("Location"));
        assertEquals("scan-000001", response.body().get("id").textValue());
        assertEquals("QUEUED", response.body().get("state").textValue());
        assertEquals(10, response.body().get("frameCount").intValue());
        assertEquals("Test scan", scans.scans.get(0).request().title());
    }

    @Test
    void getFollowsOneScanAndListsRecentOnes() throws ProblemException {
        resource.handle(Requests.post("/api/scans", "", Fakes.curator(), SCAN));
        resource.handle(Requests.post("/api/scans", "", Fakes.curator(), SCAN));

        assertEquals("scan-000001", resource.handle(Requests.get("/api/scans", "/scan-000001", Map.of())).body()
                .get("id").textValue());
        ApiResponse list = resource.handle(Requests.get("/api/scans", "", Map.of()));
        assertEquals(2, list.body().size());
        assertEquals("scan-000002", list.body().get(0).get("id").textValue());
    }

    @Test
    void unknownScanIs404() {
        assertProblem(404, "No scan with id 'scan-999999'",
                () -> resource.handle(Requests.get("/api/scans", "/scan-999999", Map.of())));
    }

    @Test
    void badBodyIs400BeforeAnythingStarts() {
        assertProblem(400, "Field 'frameCount'", () -> resource.handle(Requests.post("/api/scans", "", Fakes.curator(), "{\"detectorId\":\"simulated-detector\",\"frameCount\":0,\"title\":\"t\"}")));
        assertEquals(0, scans.scans.size());
    }

    @Test
    void unknownDetectorIs400NamingTheRegisteredOnes() {
        assertProblem(400, "Field 'detectorId': no detector 'nope' (registered: simulated-detector)",
                () -> resource.handle(Requests.post("/api/scans", "", Fakes.curator(), "{\"detectorId\":\"nope\",\"frameCount\":1,\"title\":\"t\"}")));
    }

    @Test
    void withoutRegistryTheScanServiceJudgesTheDetector() throws ProblemException {
        ScansResource noRegistry = new ScansResource(() -> scans, () -> null, new JsonCodec());

        assertEquals(202, noRegistry.handle(Requests.post("/api/scans", "", Fakes.curator(), SCAN)).status());
    }

    @Test
    void aRefusedScanIs409WithTheServicesReason() {
        scans.refusal = "The scan queue is full (16 waiting); try again when a scan has finished";

        assertProblem(409, "Scan not started: The scan queue is full",
                () -> resource.handle(Requests.post("/api/scans", "", Fakes.curator(), SCAN)));
    }

    @Test
    void answers503WithoutScanService() {
        ScansResource without = new ScansResource(() -> null, () -> registry, new JsonCodec());

        assertProblem(503, "The scan service is not running", () -> without.handle(Requests.post("/api/scans", "", Fakes.curator(), SCAN)));
        assertProblem(503, "The scan service is not running",
                () -> without.handle(Requests.get("/api/scans", "", Map.of())));
        assertProblem(503, "The scan service is not running",
                () -> without.handle(Requests.get("/api/scans", "/scan-1", Map.of())));
    }

    @Test
    void postToAScanIs405() {
        assertProblem(405, "answers GET, not POST", () -> resource.handle(
                new ApiRequest("POST", "/scan-1", "/api/scans", Map.of(), SCAN.getBytes(), Viewer.anonymous())));
    }

    @Test
    void deleteOnTheCollectionIs405ListingGetAndPost() {
        ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> resource.handle(new ApiRequest("DELETE", "", "/api/scans", Map.of(), null, Viewer.anonymous())));

        assertEquals("GET, POST", e.response().headers().get("Allow"));
    }

    @Test
    void onlyStaffCuratorsAndAdminsStartScans() {
        assertProblem(401, "Starting a scan needs a signed-in", () -> resource.handle(Requests.post("/api/scans", "",
                Viewer.anonymous(), SCAN)));
        assertProblem(403, "may not start scans", () -> resource.handle(Requests.post("/api/scans", "",
                Fakes.member("ann", "20240123"), SCAN)));
    }
}
