package org.datastamp.ui.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

import org.datastamp.storage.api.AuditEvent;
import org.datastamp.storage.api.AuditOutcome;
import org.datastamp.storage.api.AuditQuery;
import org.datastamp.storage.api.AuditSummary;
import org.datastamp.storage.api.CapacityPlanning;
import org.datastamp.storage.api.Checksums;
import org.datastamp.storage.api.FixityService;
import org.datastamp.storage.api.MigrationSummary;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.api.PolicyStatus;
import org.datastamp.storage.api.RecallRequest;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageLifecycle;
import org.junit.jupiter.api.Test;

class StorageSnapshotTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    @Test
    void readsEveryPartFromTheServices() {
        PlanningReport report = new PlanningReport(NOW, "EUR", List.of(), List.of(), 0, 0, 0, 0, 0,
                OptionalInt.empty(), List.of());
        StorageSnapshot s = StorageSnapshot.read(NOW, () -> report, new Lifecycle(), new Fixity(false));

        assertEquals(report, s.planning().orElseThrow());
        assertEquals("cold", s.policies().get(0).name());
        assertEquals("t-1", s.recalls().get(0).status().ticket().id());
        assertEquals(AuditOutcome.REPAIRED, s.audits().get(0).outcome());
        assertEquals(List.of(), s.problems());
    }

    @Test
    void aMissingOrFailingServiceLeavesItsPartEmptyAndSaysWhy() {
        CapacityPlanning failing = () -> {
            throw new StorageException("catalogue unreachable");
        };
        StorageSnapshot s = StorageSnapshot.read(NOW, failing, null, new Fixity(true));

        assertTrue(s.planning().isEmpty());
        assertEquals(List.of("Planning report: catalogue unreachable",
                "No lifecycle engine: start org.datastamp.storage.lifecycle", "Audit log: log unreadable"),
                s.problems());
        assertEquals(List.of(), s.policies());
    }

    static final class Lifecycle implements StorageLifecycle {
        @Override
        public RecallTicket prepare(Collection<String> datasetIds, String requester) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RecallStatus status(RecallTicket ticket) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String requester(RecallTicket ticket) {
            return "mem";
        }

        @Override
        public List<PolicyStatus> policies() {
            return List.of(new PolicyStatus("cold", true, "rule", 3, 1, NOW, ""));
        }

        @Override
        public MigrationSummary migrateNow() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RecallRequest> recentRecalls(int limit) {
            assertEquals(StorageSnapshot.ROWS, limit);
            return List.of(new RecallRequest(NOW, "mem", new RecallStatus(new RecallTicket("t-1"),
                    RecallState.QUEUED, 0, 2, NOW.plusSeconds(600), "0 of 2 datasets online")));
        }
    }

    static final class Fixity implements FixityService {
        private final boolean fail;

        Fixity(boolean fail) {
            this.fail = fail;
        }

        @Override
        public Checksums putWithChecksums(StorageBackend backend, String key, java.io.InputStream content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Checksums checksum(StorageBackend backend, String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuditSummary audit(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuditSummary auditAll() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEvent> auditLog(AuditQuery query) throws StorageException {
            if (fail) {
                throw new StorageException("log unreadable");
            }
            return List.of(new AuditEvent(NOW, "ds-1/a.nxs", "tape", AuditOutcome.REPAIRED, "rewritten from hot"));
        }
    }
}
