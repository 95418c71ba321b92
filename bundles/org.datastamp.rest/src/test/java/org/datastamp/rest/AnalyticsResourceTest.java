package org.datastamp.rest;

import static org.datastamp.rest.DatasetsResourceTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.AnalysisException.Reason;
import org.datastamp.analytics.api.AnalysisJob;
import org.datastamp.analytics.api.AnalysisJobs;
import org.datastamp.analytics.api.JobRequest;
import org.datastamp.analytics.api.JobState;
import org.datastamp.analytics.api.Lineage;
import org.datastamp.analytics.api.LineageEdge;
import org.datastamp.analytics.api.LineageNode;
import org.datastamp.analytics.api.ParameterKind;
import org.datastamp.analytics.api.ParameterSpec;
import org.datastamp.analytics.api.PluginDescription;
import org.datastamp.analytics.api.Provenance;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Viewer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class AnalyticsResourceTest {

    private static final String PATH = "/api/v1/analytics";
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    private static final DatasetId RAW = new DatasetId("ds-raw");
    private static final DatasetId DERIVED = new DatasetId("ds-derived");

    /** Records what it is asked; refuses as the real service would for the cases the tests set up. */
    private static final class FakeJobs implements AnalysisJobs {
        final List<JobRequest> submitted = new ArrayList<>();
        AnalysisException refusal;

        @Override
        public List<PluginDescription> plugins() {
            return List.of(new PluginDescription("azimuthal-integration", "1.0.0", "Azimuthal integration",
                    "I(q) from detector images", List.of(ParameterSpec.optional("bins", "q bins",
                            ParameterKind.INTEGER, "", "1000"), new ParameterSpec("unit", "q unit",
                                    ParameterKind.CHOICE, "", "nm^-1", false, List.of("nm^-1", "A^-1")))));
        }

        @Override
        public AnalysisJob submit(JobRequest request, Viewer viewer) throws AnalysisException {
            if (refusal != null) {
                throw refusal;
            }
            submitted.add(request);
            return job("job-1", request, viewer.username(), JobState.QUEUED, Optional.empty());
        }

        @Override
        public Optional<AnalysisJob> job(String id, Viewer viewer) {
            return id.equals("job-1") && viewer.username().equals("pia") ? Optional.of(done()) : Optional.empty();
        }

        @Override
        public List<AnalysisJob> jobs(Viewer viewer, int offset, int limit) {
            return List.of(done());
        }

        @Override
        public AnalysisJob cancel(String id, Viewer viewer) throws AnalysisException {
            if (!id.equals("job-1")) {
                throw new AnalysisException(Reason.NOT_FOUND, "Job " + id + " not found");
            }
            return job(id, new JobRequest("azimuthal-integration", List.of(RAW), Map.of(), ""), "pia",
                    JobState.CANCELLED, Optional.empty());
        }

        static AnalysisJob done() {
            return job("job-1", new JobRequest("azimuthal-integration", List.of(RAW), Map.of("bins", "500"), ""),
                    "pia", JobState.SUCCEEDED, Optional.of(DERIVED));
        }

        static AnalysisJob job(String id, JobRequest request, String by, JobState state, Optional<DatasetId> out) {
            boolean ended = state.isFinal();
            return new AnalysisJob(id, request, "1.0.0", by, state, ended ? 1 : 0, ended ? "done" : "Queued", T,
                    ended ? Optional.of(T) : Optional.empty(), ended ? Optional.of(T.plusSeconds(5))
                            : Optional.empty(), out);
        }
    }

    private static final class FakeProvenance implements Provenance {
        @Override
        public Lineage lineage(DatasetId id, Viewer viewer) throws AnalysisException {
            if (!id.equals(DERIVED)) {
                throw new AnalysisException(Reason.NOT_FOUND, "Dataset " + id + " not found");
            }
            return new Lineage(DERIVED, List.of(new LineageNode(RAW, "Scan 1", DatasetType.RAW, true),
                    new LineageNode(DERIVED, "I(q)", DatasetType.DERIVED, true),
                    new LineageNode(new DatasetId("ds-hidden"), "", DatasetType.DERIVED, false)),
                    List.of(new LineageEdge(RAW, DERIVED, "job-1", "azimuthal-integration", "1.0.0"),
                            new LineageEdge(DERIVED, new DatasetId("ds-hidden"), "", "", "")));
        }

        @Override
        public String provJson(DatasetId id, Viewer viewer) throws AnalysisException {
            lineage(id, viewer);
            return "{\"prefix\":{\"dataset\":\"urn:datastamp:dataset:\"},\"entity\":{\"dataset:ds-derived\":{}}}";
        }
    }

    private final FakeJobs jobs = new FakeJobs();
    private final AnalyticsResource resource = new AnalyticsResource(() -> jobs, FakeProvenance::new,
            new JsonCodec());
    private final Viewer pia = Fakes.member("pia", "20240123");

    @Test
    void pluginsAreListedWithTheirParameters() throws ProblemException {
        JsonNode plugins = resource.handle(Requests.get(PATH, "/plugins", Map.of(), pia)).body();

        assertEquals("azimuthal-integration", plugins.at("/0/id").textValue());
        assertEquals("1.0.0", plugins.at("/0/version").textValue());
        assertEquals("INTEGER", plugins.at("/0/parameters/0/kind").textValue());
        assertEquals("1000", plugins.at("/0/parameters/0/default").textValue());
        assertEquals("A^-1", plugins.at("/0/parameters/1/choices/1").textValue());
    }

    @Test
    void aSubmittedJobIsAcceptedWithItsLocationAndParametersTravelAsText() throws ProblemException {
        ApiResponse accepted = resource.handle(Requests.post(PATH, "/jobs", "{\"plugin\":\"azimuthal-integration\","
                + "\"inputs\":[\"ds-raw\"],\"parameters\":{\"bins\":500,\"unit\":\"A^-1\",\"mask\":true},"
                + "\"title\":\"I(q) of scan 1\"}", pia));

        assertEquals(202, accepted.status());
        assertEquals(PATH + "/jobs/job-1", accepted.headers().get("Location"));
        assertEquals("QUEUED", accepted.body().get("state").textValue());
        assertEquals("pia", accepted.body().get("submittedBy").textValue());
        assertTrue(accepted.body().get("started").isNull());
        assertEquals(new JobRequest("azimuthal-integration", List.of(RAW), Map.of("bins", "500", "unit", "A^-1",
                "mask", "true"), "I(q) of scan 1"), jobs.submitted.get(0));
    }

    @Test
    void aMalformedJobRequestIsA400NamingTheField() {
        assertProblem(400, "at least one input", () -> resource.handle(Requests.post(PATH, "/jobs",
                "{\"plugin\":\"p\",\"inputs\":[]}", pia)));
        ProblemException e = assertProblem(400, "Must be a string, number or boolean", () -> resource.handle(
                Requests.post(PATH, "/jobs", "{\"plugin\":\"p\",\"inputs\":[\"ds-raw\"],\"parameters\":{\"bins\":"
                        + "[1]}}", pia)));
        assertEquals("parameters.bins", e.problem().members().get("field"));
        assertEquals("colour", assertProblem(400, "Unknown field", () -> resource.handle(Requests.post(PATH,
                "/jobs", "{\"plugin\":\"p\",\"inputs\":[\"ds-raw\"],\"colour\":1}", pia))).problem().members()
                .get("field"));
        assertProblem(400, "Invalid dataset id", () -> resource.handle(Requests.post(PATH, "/jobs",
                "{\"plugin\":\"p\",\"inputs\":[\"../etc\"]}", pia)));
    }

    @Test
    void serviceRefusalsMapToTheirStatus() {
        String body = "{\"plugin\":\"azimuthal-integration\",\"inputs\":[\"ds-raw\"]}";
        jobs.refusal = new AnalysisException(Reason.INVALID, "Plugin 'azimuthal-integration' parameter 'bins' must"
                + " be a whole number, got 'x'");
        assertProblem(400, "'bins'", () -> resource.handle(Requests.post(PATH, "/jobs", body, pia)));
        jobs.refusal = new AnalysisException(Reason.NOT_FOUND, "Input dataset ds-raw not found");
        assertProblem(404, "ds-raw not found", () -> resource.handle(Requests.post(PATH, "/jobs", body, pia)));
        jobs.refusal = new AnalysisException(Reason.UNAVAILABLE, "The analysis queue is full");
        assertProblem(503, "queue is full", () -> resource.handle(Requests.post(PATH, "/jobs", body, pia)));
        jobs.refusal = new AnalysisException(Reason.FORBIDDEN, "Log in to run an analysis");
        assertProblem(403, "Log in", () -> resource.handle(Requests.post(PATH, "/jobs", body, pia)));
        assertProblem(401, "Log in", () -> resource.handle(Requests.post(PATH, "/jobs", body, Viewer.anonymous())));
    }

    @Test
    void jobsAreReadListedAndCancelled() throws ProblemException {
        JsonNode job = resource.handle(Requests.get(PATH, "/jobs/job-1", Map.of(), pia)).body();
        assertEquals("SUCCEEDED", job.get("state").textValue());
        assertEquals("ds-derived", job.get("output").textValue());
        assertEquals("500", job.at("/parameters/bins").textValue());
        assertEquals(1.0, job.get("progress").doubleValue());
        assertEquals("2026-11-25T12:00:05Z", job.get("finished").textValue());

        assertEquals("job-1", resource.handle(Requests.get(PATH, "/jobs", Map.of("limit", "10"), pia)).body()
                .at("/0/id").textValue());
        assertEquals("CANCELLED", resource.handle(Requests.post(PATH, "/jobs/job-1/cancel", "", pia)).body()
                .get("state").textValue());

        assertProblem(404, "No job 'job-1'", () -> resource.handle(Requests.get(PATH, "/jobs/job-1", Map.of(),
                Fakes.member("mem", "20240123"))));
        assertProblem(404, "Job job-9 not found", () -> resource.handle(Requests.post(PATH, "/jobs/job-9/cancel",
                "", pia)));
        assertProblem(405, "answers POST", () -> resource.handle(Requests.get(PATH, "/jobs/job-1/cancel",
                Map.of(), pia)));
        assertProblem(401, "sign in", () -> resource.handle(Requests.get(PATH, "/jobs", Map.of())));
    }

    @Test
    void lineageAndProvenanceOfADataset() throws ProblemException {
        JsonNode lineage = resource.handle(Requests.get(PATH, "/lineage/ds-derived", Map.of(), pia)).body();
        assertEquals("ds-derived", lineage.get("focus").textValue());
        assertEquals(false, lineage.at("/nodes/2/visible").booleanValue());
        assertEquals("", lineage.at("/nodes/2/title").textValue());
        assertEquals("job-1", lineage.at("/edges/0/jobId").textValue());
        assertEquals("1.0.0", lineage.at("/edges/0/pluginVersion").textValue());

        ApiResponse prov = resource.handle(Requests.get(PATH, "/provenance/ds-derived", Map.of(), pia));
        assertEquals(ApiResponse.JSON, prov.contentType());
        assertEquals("urn:datastamp:dataset:", prov.body().at("/prefix/dataset").textValue());

        assertProblem(404, "ds-raw not found", () -> resource.handle(Requests.get(PATH, "/provenance/ds-raw",
                Map.of(), pia)));
        assertProblem(404, "Nothing at", () -> resource.handle(Requests.get(PATH, "/lineage", Map.of(), pia)));
    }

    @Test
    void missingServicesAnswer503() {
        AnalyticsResource none = new AnalyticsResource(() -> null, () -> null, new JsonCodec());
        assertProblem(503, "analysis job service", () -> none.handle(Requests.get(PATH, "/plugins", Map.of(), pia)));
        assertProblem(503, "provenance service", () -> none.handle(Requests.get(PATH, "/lineage/ds-derived",
                Map.of(), pia)));
    }
}
