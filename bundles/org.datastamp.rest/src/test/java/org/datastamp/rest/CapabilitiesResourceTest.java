package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.core.api.CapabilityKind;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class CapabilitiesResourceTest {

    private final Fakes.FakeRegistry registry = new Fakes.FakeRegistry()
            .with(CapabilityKind.DETECTOR, "simulated-detector")
            .with(CapabilityKind.CATALOG, "embedded-catalog");

    @Test
    void listsEveryCapabilityOfTheRegistry() throws ProblemException {
        ApiResponse response = new CapabilitiesResource(() -> registry).handle(get(""));

        assertEquals(200, response.status());
        assertEquals("application/json", response.contentType());
        JsonNode body = response.body();
        assertEquals(2, body.size());
        assertEquals("simulated-detector", body.get(0).get("id").textValue());
        assertEquals("org.example.embedded-catalog", body.get(1).get("bundle").textValue());
    }

    @Test
    void answers503WhileNoRegistryRuns() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> new CapabilitiesResource(() -> null).handle(get("")));

        assertEquals(503, e.problem().status());
        assertTrue(e.problem().detail().contains("org.datastamp.core.registry"));
    }

    @Test
    void refusesOtherMethodsWithAllowHeader() {
        ProblemException e = assertThrows(ProblemException.class, () -> new CapabilitiesResource(() -> registry)
                .handle(new ApiRequest("DELETE", null, "/api/capabilities", Map.of(), null, Viewer.anonymous())));

        assertEquals(405, e.problem().status());
        assertEquals("GET", e.response().headers().get("Allow"));
        assertEquals("application/problem+json", e.response().contentType());
    }

    private static ApiRequest get(String path) {
        return Requests.get("/api/capabilities", path, Map.of());
    }
}
