package org.datastamp.rest;

import static org.datastamp.rest.DatasetsResourceTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DoiRequestState;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.DoiMinting;
import org.datastamp.doi.api.MintRequest;
import org.datastamp.doi.api.MintingException;
import org.datastamp.doi.api.MintingException.Kind;
import org.datastamp.doi.api.Rights;
import org.junit.jupiter.api.Test;

class DoiRequestsResourceTest {

    private static final String PATH = "/api/v1/doi-requests";
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    private static final DoiMetadata METADATA = new DoiMetadata(List.of(new Creator("Doe, Jane", "Jane", "Doe",
            "0000-0002-1825-0097", List.of())), "Lysozyme", "MAX IV", "", 2026, "", List.of(), List.of(), List.of(),
            Rights.ccBy4(), "");

    /** Answers as the workflow would, failing approval with the configured kind. */
    private static final class FakeMinting implements DoiMinting {
        final List<MintRequest> created = new ArrayList<>();
        Kind approvalFailure;

        @Override
        public DoiMetadata proposeMetadata(List<DatasetId> datasets, Viewer viewer) {
            return METADATA;
        }

        @Override
        public MintRequest request(List<DatasetId> datasets, DoiMetadata metadata, Viewer viewer) {
            MintRequest r = new MintRequest("dr-1", datasets, viewer.username(), DoiRequestState.REQUESTED, "",
                    metadata, T, null, "", "", T);
            created.add(r);
            return r;
        }

        @Override
        public MintRequest approve(String requestId, Viewer viewer) throws MintingException {
            if (approvalFailure != null) {
                throw new MintingException(approvalFailure, "DataCite refused (HTTP 422): Xml is invalid");
            }
            MintRequest r = created.get(0);
            return new MintRequest(r.id(), r.datasets(), r.requester(), DoiRequestState.REGISTERED,
                    "10.80000/maxiv.dr-1", r.metadata(), T, T, viewer.username(), "", T);
        }

        @Override
        public MintRequest reject(String requestId, String reason, Viewer viewer) throws MintingException {
            throw new MintingException(Kind.INVALID, "reason", "A rejection needs a reason", null);
        }

        @Override
        public MintRequest find(String requestId, Viewer viewer) throws MintingException {
            throw new MintingException(Kind.NOT_FOUND, "No DOI request " + requestId);
        }

        @Override
        public List<MintRequest> requests(Viewer viewer, int offset, int limit) {
            return created;
        }

        @Override
        public Optional<MintRequest> registered(Doi doi) {
            return Optional.empty();
        }

        @Override
        public List<MintRequest> registered(Instant from, Instant until, int offset, int limit) {
            return List.of();
        }
    }

    private final FakeMinting minting = new FakeMinting();
    private final DoiRequestsResource resource = new DoiRequestsResource(() -> minting, new JsonCodec());
    private final Viewer pia = Fakes.member("pia", "20240123");

    @Test
    void theFormComesPrefilledAndARequestIsCreatedWithItsLocation() throws ProblemException {
        JsonNode form = resource.handle(Requests.get(PATH, "/form", Map.of("datasets", "ds-1,ds-2"), pia)).body();
        assertEquals("Doe, Jane", form.at("/creators/0/name").textValue());

        ApiResponse created = resource.handle(Requests.post(PATH, "", "{\"datasets\":[\"ds-1\",\"ds-2\"],"
                + "\"metadata\":" + form + "}", pia));

        assertEquals(201, created.status());
        assertEquals(PATH + "/dr-1", created.headers().get("Location"));
        assertEquals("REQUESTED", created.body().get("state").textValue());
        assertEquals("ds-2", created.body().at("/datasets/1").textValue());
        assertEquals("0000-0002-1825-0097", created.body().at("/metadata/creators/0/orcid").textValue());
    }

    @Test
    void badMetadataIsA400NamingTheField() {
        ProblemException e = assertProblem(400, "ORCID 'x'", () -> resource.handle(Requests.post(PATH, "",
                "{\"datasets\":[\"ds-1\"],\"metadata\":{\"creators\":[{\"name\":\"A\",\"orcid\":\"x\"}],"
                        + "\"title\":\"T\",\"publisher\":\"P\",\"publicationYear\":2026,\"rights\":{\"name\":\"CC\"}}}",
                pia)));
        assertEquals("metadata.creators[0]", e.problem().members().get("field"));
        assertProblem(400, "\"metadata\" must be an object", () -> resource.handle(Requests.post(PATH, "",
                "{\"datasets\":[\"ds-1\"]}", pia)));
        assertProblem(400, "Bad DOI metadata at metadata", () -> resource.handle(Requests.post(PATH, "",
                "{\"datasets\":[\"ds-1\"],\"metadata\":{\"colour\":1}}", pia)));
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        assertProblem(401, "signed-in", () -> resource.handle(Requests.get(PATH, "", Map.of())));
    }

    @Test
    void workflowRefusalsMapToTheirStatus() throws ProblemException {
        resource.handle(Requests.post(PATH, "", "{\"datasets\":[\"ds-1\"],\"metadata\":{\"creators\":[{\"name\":"
                + "\"A\"}],\"title\":\"T\",\"publisher\":\"P\",\"publicationYear\":2026,\"rights\":{\"name\":\"CC\"}}}",
                pia));
        minting.approvalFailure = Kind.PROVIDER_FAILED;
        assertProblem(502, "Xml is invalid", () -> resource.handle(Requests.post(PATH, "/dr-1/approve", "",
                Fakes.curator())));
        minting.approvalFailure = Kind.CONFLICT;
        assertProblem(409, "Xml", () -> resource.handle(Requests.post(PATH, "/dr-1/approve", "", Fakes.curator())));
        minting.approvalFailure = null;
        assertEquals("REGISTERED", resource.handle(Requests.post(PATH, "/dr-1/approve", "", Fakes.curator())).body()
                .get("state").textValue());
        ProblemException reject = assertProblem(400, "needs a reason", () -> resource.handle(Requests.post(PATH,
                "/dr-1/reject", "{}", Fakes.curator())));
        assertEquals("reason", reject.problem().members().get("field"));
        assertProblem(404, "No DOI request dr-9", () -> resource.handle(Requests.get(PATH, "/dr-9", Map.of(), pia)));
        assertProblem(405, "answers POST", () -> resource.handle(Requests.get(PATH, "/dr-1/approve", Map.of(), pia)));
    }
}
