package org.datastamp.rest;

import static org.datastamp.rest.DatasetsResourceTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.time.YearMonth;

import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.Capacity;
import org.datastamp.storage.api.MigrationSummary;
import org.datastamp.storage.api.MonthlyIngest;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.api.StorageTier;
import org.datastamp.storage.api.TierPlan;
import org.datastamp.storage.api.YearProjection;
import org.datastamp.storage.api.PolicyStatus;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageLifecycle;
import org.datastamp.storage.api.UnknownIdException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StorageResourceTest {

    static final String DATASETS = "/api/v1/datasets";
    static final String RECALLS = "/api/v1/recalls";

    final Fakes.FakeCatalog catalog = new Fakes.FakeCatalog();
    final FakeLifecycle lifecycle = new FakeLifecycle();
    final FakeCopies copies = new FakeCopies();
    final StorageResource resource = new StorageResource(() -> lifecycle, () -> copies, () -> catalog,
            new JsonCodec());

    @BeforeEach
    void datasets() {
        catalog.datasets.add(Fakes.dataset("ds-1", 1));
        catalog.datasets.add(Fakes.dataset("ds-2", 2));
    }

    @Test
    void aMemberRecallsTheirDatasetsAndFollowsTheTicket() throws ProblemException {
        Viewer member = Fakes.member("mem", "20240123");
        ApiRequest post = Requests.post(DATASETS, "/recall", "{\"datasetIds\":[\"ds-1\",\"ds-2\"]}", member);
        assertTrue(StorageResource.handlesDatasetPath(post));

        ApiResponse accepted = resource.handleDatasets(post);

        assertEquals(202, accepted.status());
        assertEquals("/api/v1/recalls/t-1", accepted.headers().get("Location"));
        assertEquals("QUEUED", accepted.body().get("state").textValue());
        assertEquals(List.of("ds-1", "ds-2"), lifecycle.asked);
        ApiResponse status = resource.handleRecalls(Requests.get(RECALLS, "/t-1", Map.of(), member));
        assertEquals(2, status.body().get("datasetsTotal").intValue());
        assertEquals("2026-02-01T00:00:00Z", status.body().get("eta").textValue());
    }

    @Test
    void recallingADatasetTheCallerMayNotSeeIs404NamingItAndRequestsNothing() {
        Viewer outsider = Fakes.member("out", "other");
        ProblemException e = assertProblem(404, "ds-2", () -> resource.handleDatasets(Requests.post(DATASETS,
                "/recall", "{\"datasetIds\":[\"ds-2\"]}", outsider)));
        assertEquals("datasetIds[0]", e.problem().members().get("field"));
        assertEquals(List.of(), lifecycle.asked);
        assertProblem(401, "signed-in", () -> resource.handleDatasets(Requests.post(DATASETS, "/recall",
                "{\"datasetIds\":[\"ds-1\"]}", Viewer.anonymous())));
        assertEquals("datasetIds", assertProblem(400, "datasetIds", () -> resource.handleDatasets(
                Requests.post(DATASETS, "/recall", "{\"ids\":[]}", Fakes.curator()))).problem().members()
                .get("field"));
    }

    @Test
    void onlyWhoAskedOrACuratorFollowsARecall() throws ProblemException {
        resource.handleDatasets(Requests.post(DATASETS, "/recall", "{\"datasetIds\":[\"ds-1\"]}",
                Fakes.member("mem", "20240123")));
        assertProblem(404, "of yours", () -> resource.handleRecalls(Requests.get(RECALLS, "/t-1", Map.of(),
                Fakes.member("pia", "20240123"))));
        assertEquals(200, resource.handleRecalls(Requests.get(RECALLS, "/t-1", Map.of(), Fakes.curator())).status());
        assertProblem(404, "No recall request 'nope'", () -> resource.handleRecalls(Requests.get(RECALLS, "/nope",
                Map.of(), Fakes.curator())));
    }

    @Test
    void theCopiesOfAVisibleDatasetAreListedWithStateAndVerificationTime() throws ProblemException {
        ApiRequest get = Requests.get(DATASETS, "/ds-1/copies", Map.of(), Fakes.staff("stf", "CoSAXS"));
        assertTrue(StorageResource.handlesDatasetPath(get));
        assertFalse(StorageResource.handlesDatasetPath(Requests.get(DATASETS, "/ds-1", Map.of())));

        ApiResponse response = resource.handleDatasets(get);

        assertEquals(1, response.body().get("verifiedCopies").intValue());
        assertEquals("tape", response.body().get("copies").get(1).get("backend").textValue());
        assertEquals("VERIFIED", response.body().get("copies").get(1).get("state").textValue());
        assertEquals("2026-01-31T12:00:00Z", response.body().get("copies").get(1).get("checksumVerifiedAt")
                .textValue());
        assertEquals("RELEASED", response.body().get("copies").get(0).get("state").textValue());
        assertProblem(404, "ds-1", () -> resource.handleDatasets(Requests.get(DATASETS, "/ds-1/copies", Map.of())));
    }

    @Test
    void policyStatusLinesAreForCuratorsAndShowInvalidPolicies() throws ProblemException {
        ApiResponse response = resource.handleStorage(Requests.get("/api/v1/storage", "/policies", Map.of(),
                Fakes.curator()));

        assertEquals("cold: PENDING, 12 datasets, 2 pending steps, last round 2026-01-31T12:00:00Z",
                response.body().get(0).get("status").textValue());
        assertEquals("typo: INVALID - unknown key 'moveTo '", response.body().get(1).get("status").textValue());
        assertProblem(403, "curators", () -> resource.handleStorage(Requests.get("/api/v1/storage", "/policies",
                Map.of(), Fakes.member("mem", "20240123"))));
    }

    @Test
    void thePlanningReportIsForCuratorsWithTiersMonthsAndThePreservationPeriod() throws ProblemException {
        PlanningReport report = new PlanningReport(Instant.parse("2026-06-15T00:00:00Z"), "EUR",
                List.of(new TierPlan("hot-disk", StorageTier.HOT_DISK, new Capacity(20, 14), 4, 3, 100, 4e-10, 2,
                        Instant.parse("2029-06-15T00:00:00Z"), ""),
                        new TierPlan("tape", null, null, 7, 3, 10, 7e-11, 3, null, "not running now")),
                List.of(new MonthlyIngest(YearMonth.of(2026, 6), 1, 5)), 9, 8, 1.375, 4.7e-10, 1000,
                OptionalInt.empty(), List.of(new YearProjection(1, 16, 1e-9, 1e-9, 1000)));
        StorageResource withPlanning = new StorageResource(() -> lifecycle, () -> copies, () -> catalog,
                () -> () -> report, new JsonCodec());

        ApiResponse response = withPlanning.handleStorage(Requests.get("/api/v1/storage", "/planning", Map.of(),
                Fakes.curator()));

        var body = response.body();
        assertEquals("indefinitely (over 100 years)", body.get("preservation").textValue());
        assertTrue(body.get("affordableYears").isNull());
        assertEquals(6, body.get("tiers").get(0).get("freeBytes").longValue());
        assertEquals("2029-06-15T00:00:00Z", body.get("tiers").get(0).get("fullAt").textValue());
        assertTrue(body.get("tiers").get(1).get("tier").isNull());
        assertTrue(body.get("tiers").get(1).get("totalBytes").isNull());
        assertEquals("not running now", body.get("tiers").get(1).get("note").textValue());
        assertEquals("2026-06", body.get("months").get(0).get("month").textValue());
        assertEquals(16, body.get("projection").get(0).get("bytesHeld").longValue());
        assertProblem(403, "curators", () -> withPlanning.handleStorage(Requests.get("/api/v1/storage",
                "/planning", Map.of(), Fakes.member("mem", "20240123"))));
        assertProblem(401, "curator", () -> withPlanning.handleStorage(Requests.get("/api/v1/storage",
                "/planning", Map.of(), Viewer.anonymous())));
        assertProblem(503, "org.datastamp.storage.planning", () -> resource.handleStorage(Requests.get(
                "/api/v1/storage", "/planning", Map.of(), Fakes.curator())));
    }

    @Test
    void withoutTheLifecycleServiceRecallIs503() {
        StorageResource without = new StorageResource(() -> null, () -> copies, () -> catalog, new JsonCodec());
        assertProblem(503, "org.datastamp.storage.lifecycle", () -> without.handleDatasets(Requests.post(DATASETS,
                "/recall", "{\"datasetIds\":[\"ds-1\"]}", Fakes.curator())));
    }

    static final class FakeLifecycle implements StorageLifecycle {
        final List<String> asked = new ArrayList<>();
        String requester;

        @Override
        public RecallTicket prepare(Collection<String> datasetIds, String requester) {
            asked.addAll(datasetIds);
            this.requester = requester;
            return new RecallTicket("t-1");
        }

        @Override
        public RecallStatus status(RecallTicket ticket) throws StorageException {
            requester(ticket);
            return new RecallStatus(ticket, RecallState.QUEUED, 0, asked.size(),
                    Instant.parse("2026-02-01T00:00:00Z"), "waiting for a drive");
        }

        @Override
        public String requester(RecallTicket ticket) throws StorageException {
            if (!ticket.id().equals("t-1") || requester == null) {
                throw new UnknownIdException("No recall request '" + ticket.id() + "'");
            }
            return requester;
        }

        @Override
        public List<PolicyStatus> policies() {
            return List.of(new PolicyStatus("cold", true, "all: ...", 12, 2, Fakes.T0, ""),
                    new PolicyStatus("typo", false, "unknown key 'moveTo '", 0, 0, null, ""));
        }

        @Override
        public MigrationSummary migrateNow() {
            return new MigrationSummary(List.of(), List.of(), List.of(), List.of());
        }
    }

    static final class FakeCopies implements StorageCopies {
        @Override
        public List<DatasetCopy> copies(DatasetId id) {
            return List.of(new DatasetCopy(id, "hot-disk", "hot/x", CopyFormat.PLAIN, CopyState.RELEASED, Fakes.T0,
                    Fakes.T0, Fakes.T0), new DatasetCopy(id, "tape", "ocfl/ab", CopyFormat.OCFL, CopyState.VERIFIED,
                            Fakes.T0, null, Fakes.T0));
        }

        @Override
        public List<DatasetCopy> unfinished() {
            return List.of();
        }

        @Override
        public DatasetCopy beginCopy(DatasetId id, String b, String k, CopyFormat f) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DatasetCopy adoptVerified(DatasetId id, String b, String k, Instant t) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DatasetCopy markVerified(DatasetId id, String b, Instant t) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DatasetCopy release(DatasetId id, String b, int n) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DatasetCopy markPurged(DatasetId id, String b, Instant t) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forget(DatasetId id, String b) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordAccess(DatasetId id, Instant when) {
        }

        @Override
        public Optional<Instant> lastAccess(DatasetId id) {
            return Optional.empty();
        }
    }
}
