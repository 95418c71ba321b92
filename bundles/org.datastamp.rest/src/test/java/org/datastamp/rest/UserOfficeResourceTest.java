package org.datastamp.rest;

import static org.datastamp.rest.DatasetsResourceTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.datastamp.catalog.api.Viewer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class UserOfficeResourceTest {

    static final String OFFICE = "/api/v1/useroffice";
    static final String SHIPMENT = "{\"id\":\"SH-1\",\"proposalId\":\"P1\",\"instrument\":\"CoSAXS\","
            + "\"tracking\":\"DHL 123\",\"sampleIds\":[\"lys-1\"]}";

    private final UserOfficeFakes office = new UserOfficeFakes();
    private final UserOfficeResource resource = new UserOfficeResource(() -> office, new JsonCodec());
    private final Viewer pia = Fakes.member("pia", "P1");
    private final Viewer sam = Fakes.staff("sam", "CoSAXS");

    private JsonNode transition(String to, Viewer viewer) throws ProblemException {
        return resource.handle(Requests.post(OFFICE, "/shipments/SH-1/transitions", "{\"to\":\"" + to
                + "\",\"note\":\"ok\"}", viewer)).body();
    }

    @Test
    void curatorsSaveAllocationsThatMembersList() throws ProblemException {
        JsonNode saved = resource.handle(Requests.put(OFFICE, "/allocations/BAG-1", "{\"proposalId\":\"P1\","
                + "\"instrument\":\"CoSAXS\",\"title\":\"BAG 2026\",\"shifts\":6,\"sessionIds\":[\"S2\",\"S1\"]}",
                Fakes.curator())).body();
        assertEquals("S1", saved.get("sessionIds").get(0).textValue());

        JsonNode listed = resource.handle(Requests.get(OFFICE, "/proposals/P1/allocations", Map.of(), pia)).body();
        assertEquals(6, listed.get(0).get("shifts").intValue());
        assertProblem(403, "curators and admins", () -> resource.handle(Requests.put(OFFICE, "/allocations/BAG-2",
                "{\"proposalId\":\"P1\",\"instrument\":\"CoSAXS\"}", pia)));
        assertProblem(400, "shifts", () -> resource.handle(Requests.put(OFFICE, "/allocations/BAG-2",
                "{\"proposalId\":\"P1\",\"instrument\":\"CoSAXS\",\"shifts\":-1}", Fakes.curator())));
    }

    @Test
    void aSampleIsRegisteredWithItsSafetyAndHasAPngAndPdfLabel() throws ProblemException {
        JsonNode sample = resource.handle(Requests.put(OFFICE, "/samples/lys-1", "{\"name\":\"Lysozyme\","
                + "\"proposalId\":\"P1\",\"composition\":\"lysozyme 50 mg/ml\",\"hazard\":\"low\","
                + "\"safety\":\"gloves\"}", pia)).body();
        assertEquals("LOW", sample.get("hazard").textValue());
        assertEquals("/api/v1/useroffice/samples/lys-1/label.png", sample.get("labelPng").textValue());

        ApiResponse png = resource.handle(Requests.get(OFFICE, "/samples/lys-1/label.png", Map.of(), pia));
        assertEquals("image/png", png.contentType());
        ApiResponse pdf = resource.handle(Requests.get(OFFICE, "/samples/lys-1/label", Map.of("format", "pdf"), pia));
        assertEquals("application/pdf", pdf.contentType());
        assertProblem(400, "png or pdf", () -> resource.handle(Requests.get(OFFICE, "/samples/lys-1/label",
                Map.of("format", "svg"), pia)));
        assertProblem(404, "No sample 'lys-1'", () -> resource.handle(Requests.get(OFFICE, "/samples/lys-1",
                Map.of(), Fakes.member("out", "P2"))));
    }

    @Test
    void aHazardousSampleWithoutSafetyNotesIs400() {
        assertProblem(400, "describe its safety precautions", () -> resource.handle(Requests.put(OFFICE,
                "/samples/lys-1", "{\"name\":\"Lysozyme\",\"proposalId\":\"P1\",\"composition\":\"x\","
                        + "\"hazard\":\"HIGH\"}", pia)));
        assertProblem(400, "Unknown hazard 'deadly'", () -> resource.handle(Requests.put(OFFICE, "/samples/lys-1",
                "{\"name\":\"Lysozyme\",\"proposalId\":\"P1\",\"composition\":\"x\",\"hazard\":\"deadly\"}", pia)));
        assertEquals(0, office.samples.size());
    }

    @Test
    void aShipmentGoesThroughItsLifecycleAndStaffSeeItQueued() throws ProblemException {
        ApiResponse created = resource.handle(Requests.post(OFFICE, "/shipments", SHIPMENT, pia));
        assertEquals(201, created.status());
        assertEquals(OFFICE + "/shipments/SH-1", created.headers().get("Location"));
        assertEquals("SENT", created.body().get("next").get(0).textValue());

        transition("SENT", pia);
        assertEquals("SH-1", resource.handle(Requests.get(OFFICE, "/instruments/CoSAXS/queue", Map.of(), sam)).body()
                .get(0).get("id").textValue());
        transition("RECEIVED", sam);
        transition("MEASURED", sam);
        JsonNode returned = transition("RETURNED", sam);

        assertEquals("RETURNED", returned.get("status").textValue());
        assertEquals(5, returned.get("history").size());
        assertEquals("sam", returned.get("history").get(4).get("username").textValue());
        assertEquals(0, resource.handle(Requests.get(OFFICE, "/instruments/CoSAXS/queue", Map.of(), sam)).body()
                .size());
    }

    @Test
    void anInvalidTransitionIs409AndChangesNothing() throws ProblemException {
        resource.handle(Requests.post(OFFICE, "/shipments", SHIPMENT, pia));

        assertProblem(409, "it can become [SENT] next, not RECEIVED", () -> transition("RECEIVED", sam));
        assertProblem(400, "Unknown status 'LOST'", () -> transition("LOST", sam));
        assertProblem(403, "Only staff of CoSAXS", () -> {
            transition("SENT", pia);
            transition("RECEIVED", pia);
        });
        assertEquals("SENT", office.shipments.get("SH-1").status().name());
    }

    @Test
    void anImportWithBadRowsIs400ListingTheirLinesAndWritesNothing() {
        byte[] csv = "kind,id,name\nperson,ann,Ann\nbad,x,y\nperson,bob,Bob\nbad,z,w\n"
                .getBytes(StandardCharsets.UTF_8);
        ProblemException e = assertProblem(400, "2 bad rows", () -> resource.handle(new ApiRequest("POST",
                "/imports", OFFICE, Map.of("name", "cycle.csv"), csv, Fakes.curator(), "text/csv")));
        JsonNode rows = (JsonNode) e.problem().members().get("problems");
        assertEquals(3, rows.get(0).get("line").intValue());
        assertEquals(5, rows.get(1).get("line").intValue());
        assertEquals("kind", rows.get(1).get("field").textValue());
        assertTrue(JsonMapping.problem(e.problem()).get("problems").isArray(), "the rows are in the problem JSON");
        assertEquals(0, office.imported);
    }

    @Test
    void aGoodImportReportsWhatItWrote() throws ProblemException {
        byte[] csv = "kind,id,name\nperson,ann,Ann\n".getBytes(StandardCharsets.UTF_8);
        JsonNode report = resource.handle(new ApiRequest("POST", "/imports", OFFICE, Map.of("name", "c.csv"), csv,
                Fakes.curator(), "text/csv")).body();
        assertEquals(1, report.get("persons").intValue());
        assertProblem(400, "?name=", () -> resource.handle(new ApiRequest("POST", "/imports", OFFICE, Map.of(), csv,
                Fakes.curator(), "text/csv")));
        assertProblem(401, "Only curators", () -> resource.handle(new ApiRequest("POST", "/imports", OFFICE,
                Map.of("name", "c.csv"), csv, Viewer.anonymous(), "text/csv")));
    }
}
