package org.datastamp.ui.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.datastamp.storage.api.AuditEvent;
import org.datastamp.storage.api.AuditQuery;
import org.datastamp.storage.api.CapacityPlanning;
import org.datastamp.storage.api.FixityService;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.api.PolicyStatus;
import org.datastamp.storage.api.RecallRequest;
import org.datastamp.storage.api.StorageLifecycle;

/**
 * What the Storage view shows, read at one moment off the UI thread. A missing or failing service leaves its part
 * empty and says why in {@code problems}, so the rest still shows.
 *
 * @param taken    when it was read
 * @param planning the planning report, if the service answered
 * @param policies the lifecycle policies
 * @param recalls  the newest recall requests, newest first
 * @param audits   the newest fixity audit log entries, newest first
 * @param problems what could not be read, for the status line
 */
record StorageSnapshot(Instant taken, Optional<PlanningReport> planning, List<PolicyStatus> policies,
        List<RecallRequest> recalls, List<AuditEvent> audits, List<String> problems) {

    /** Rows of the recall and audit tables. */
    static final int ROWS = 50;

    StorageSnapshot {
        policies = List.copyOf(policies);
        recalls = List.copyOf(recalls);
        audits = List.copyOf(audits);
        problems = List.copyOf(problems);
    }

    /** Reads every part; each service may be {@code null} (not running). */
    static StorageSnapshot read(Instant now, CapacityPlanning planning, StorageLifecycle lifecycle,
            FixityService fixity) {
        List<String> problems = new ArrayList<>();
        Optional<PlanningReport> report = Optional.empty();
        if (planning == null) {
            problems.add("No planning service: start org.datastamp.storage.lifecycle and check"
                    + " etc/org.datastamp.storage.planning.cfg");
        } else {
            try {
                report = Optional.of(planning.report());
            } catch (Exception e) {
                problems.add("Planning report: " + e.getMessage());
            }
        }
        List<PolicyStatus> policies = List.of();
        List<RecallRequest> recalls = List.of();
        if (lifecycle == null) {
            problems.add("No lifecycle engine: start org.datastamp.storage.lifecycle");
        } else {
            policies = lifecycle.policies();
            try {
                recalls = lifecycle.recentRecalls(ROWS);
            } catch (Exception e) {
                problems.add("Recall requests: " + e.getMessage());
            }
        }
        List<AuditEvent> audits = List.of();
        if (fixity == null) {
            problems.add("No fixity service: start org.datastamp.storage.fixity");
        } else {
            try {
                audits = fixity.auditLog(AuditQuery.latest(ROWS));
            } catch (Exception e) {
                problems.add("Audit log: " + e.getMessage());
            }
        }
        return new StorageSnapshot(now, report, policies, recalls, audits, problems);
    }
}
