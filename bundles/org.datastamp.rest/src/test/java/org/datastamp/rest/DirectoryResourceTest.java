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
    private final DirectoryResource resource = new DirectoryResource(() -> directory, new JsonCodec());

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

    @Test
    void curatorsAndAdminsPutDirectoryRecords() throws ProblemException {
        JsonNode proposal = resource.handle(Requests.put("/api/v1/proposals", "/20250001", "{\"title\":\"Lipids\","
                + "\"principalInvestigator\":\"ann\",\"members\":[\"bob\"],\"embargo\":\"P1Y\"}", Fakes.curator()))
                .body();
        assertEquals("Lipids", proposal.get("title").textValue());
        assertEquals(Period.ofYears(1), directory.proposals.get("20250001").embargo());
        assertEquals(Set.of("bob"), directory.proposals.get("20250001").members());

        JsonNode person = resource.handle(Requests.put("/api/v1/persons", "/sam", "{\"fullName\":\"Sam Staff\","
                + "\"roles\":[\"beamline_staff\"],\"staffOf\":[\"CoSAXS\"]}", Fakes.curator())).body();
        assertEquals("BEAMLINE_STAFF", person.get("roles").get(0).textValue());
        assertEquals(Set.of("CoSAXS"), directory.people.get("sam").staffOf());

        resource.handle(Requests.put("/api/v1/instruments", "/NanoMAX", "{\"name\":\"NanoMAX\",\"techniques\":[\"XRF\"]}",
                Fakes.curator()));
        assertEquals(2, directory.instruments.size());
    }

    @Test
    void onlyCuratorsAndAdminsMayChangeTheDirectory() {
        String body = "{\"name\":\"NanoMAX\"}";
        assertProblem(401, "signed-in curator or admin", () -> resource.handle(Requests.put("/api/v1/instruments",
                "/NanoMAX", body, Viewer.anonymous())));
        assertProblem(403, "only curators and admins", () -> resource.handle(Requests.put("/api/v1/instruments",
                "/NanoMAX", body, Fakes.staff("sam", "CoSAXS"))));
        assertEquals(1, directory.instruments.size());
    }

    @Test
    void badDirectoryRecordsAre400NamingTheField() {
        ProblemException embargo = assertProblem(400, "ISO-8601 period", () -> resource.handle(Requests.put(
                "/api/v1/proposals", "/20250001", "{\"title\":\"x\",\"principalInvestigator\":\"ann\","
                        + "\"embargo\":\"3 years\"}", Fakes.curator())));
        assertEquals("embargo", embargo.problem().members().get("field"));
        ProblemException role = assertProblem(400, "Unknown role 'wizard'", () -> resource.handle(Requests.put(
                "/api/v1/persons", "/sam", "{\"fullName\":\"Sam\",\"roles\":[\"wizard\"]}", Fakes.curator())));
        assertEquals("roles[0]", role.problem().members().get("field"));
        assertProblem(400, "Field 'title': Required", () -> resource.handle(Requests.put("/api/v1/proposals",
                "/20250001", "{\"principalInvestigator\":\"ann\"}", Fakes.curator())));
        assertProblem(400, "Unknown field 'colour'", () -> resource.handle(Requests.put("/api/v1/instruments",
                "/NanoMAX", "{\"name\":\"NanoMAX\",\"colour\":\"red\"}", Fakes.curator())));
    }
}
