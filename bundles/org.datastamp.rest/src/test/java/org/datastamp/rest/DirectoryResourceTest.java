package org.datastamp.rest;

import static org.datastamp.rest.DatasetsResourceTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Role;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class DirectoryResourceTest {

    private final Fakes.FakeDirectory directory = new Fakes.FakeDirectory();
    private final DirectoryResource resource = new DirectoryResource(() -> directory);

    @BeforeEach
    void facility() {
        directory.instruments.add(new Instrument("CoSAXS", "CoSAXS beamline", List.of("SAXS", "WAXS")));
        directory.proposals.put("20240123", new Proposal("20240123", "Protein folding", "", "pi", Set.of("ann"),
                Period.ofYears(2)));
        directory.sessions.add(new Session("s-1", "20240123", "CoSAXS", Fakes.T0, Fakes.T0.plusSeconds(3600)));
        directory.people.put("ann", new Person("ann", "Ann Example", "", "", "", Set.of(Role.SCIENTIST), Set.of()));
    }

    @Test
    void instrumentsArePublic() throws ProblemException {
        JsonNode json = resource.handle(Requests.get("/api/v1/instruments", "", Map.of())).body();

        assertEquals("CoSAXS", json.get(0).get("id").textValue());
        assertEquals("WAXS", json.get(0).get("techniques").get(1).textValue());
    }

    @Test
    void aProposalIsShownToMembersStaffOfItsInstrumentsAndCurators() throws ProblemException {
        for (Viewer viewer : List.of(Fakes.member("ann", "20240123"), Fakes.staff("sam", "CoSAXS"), Fakes.curator(),
                new Viewer("pi", Set.of(), Set.of(), false))) {
            JsonNode json = resource.handle(Requests.get("/api/v1/proposals", "/20240123", Map.of(), viewer)).body();
            assertEquals("Protein folding", json.get("title").textValue(), viewer.username());
            assertEquals("P2Y", json.get("embargo").textValue());
            assertEquals("CoSAXS", json.get("sessions").get(0).get("instrument").textValue());
        }
    }

    @Test
    void aProposalIsThe404OfAnUnknownOneForOthers() {
        assertProblem(404, "No proposal '20240123'", () -> resource.handle(Requests.get("/api/v1/proposals",
                "/20240123", Map.of(), Fakes.staff("sam", "NanoMAX"))));
        assertProblem(404, "No proposal '20240123'", () -> resource.handle(Requests.get("/api/v1/proposals",
                "/20240123", Map.of())));
        assertProblem(404, "No proposal '1'", () -> resource.handle(Requests.get("/api/v1/proposals", "/1", Map.of(),
                Fakes.curator())));
    }

    @Test
    void meNamesTheUserRolesAndProposals() throws ProblemException {
        JsonNode json = resource.handle(Requests.get("/api/v1/me", "", Map.of(), Fakes.member("ann", "20240123")))
                .body();

        assertEquals("ann", json.get("username").textValue());
        assertEquals("Ann Example", json.get("fullName").textValue());
        assertEquals("SCIENTIST", json.get("roles").get(0).textValue());
        assertEquals("20240123", json.get("proposals").get(0).textValue());
    }

    @Test
    void meWhenAnonymousIs401() {
        ProblemException e = assertProblem(401, "Not signed in", () -> resource.handle(Requests.get("/api/v1/me", "",
                Map.of())));
        assertEquals(ApiAuthentication.CHALLENGE, e.response().headers().get("WWW-Authenticate"));
    }
}
