package org.datastamp.rest;

import java.time.Instant;
import java.util.List;

import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.storage.api.MonthlyIngest;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.api.PolicyStatus;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.TierPlan;
import org.datastamp.storage.api.YearProjection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON of the storage endpoints (copies, recalls, policies, planning), written field by field like {@link JsonMapping}. */
final class StorageJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StorageJson() {
    }

    static ObjectNode copies(String datasetId, List<DatasetCopy> copies) {
        ObjectNode json = NODES.objectNode();
        json.put("datasetId", datasetId);
        long verified = copies.stream().filter(c -> c.state() == org.datastamp.catalog.api.CopyState.VERIFIED)
                .count();
        json.put("verifiedCopies", verified);
        ArrayNode list = json.putArray("copies");
        for (DatasetCopy c : copies) {
            ObjectNode copy = list.addObject();
            copy.put("backend", c.backendId());
            copy.put("state", c.state().name());
            copy.put("format", c.format().name());
            copy.put("keyPrefix", c.keyPrefix());
            copy.put("checksumVerifiedAt", instant(c.verifiedAt()));
            copy.put("purgedAt", instant(c.purgedAt()));
            copy.put("updated", instant(c.updated()));
        }
        return json;
    }

    static ObjectNode recall(RecallStatus status) {
        ObjectNode json = NODES.objectNode();
        json.put("ticket", status.ticket().id());
        json.put("state", status.state().name());
        json.put("datasetsOnline", status.keysDone());
        json.put("datasetsTotal", status.keysTotal());
        json.put("eta", instant(status.eta()));
        json.put("message", status.message());
        return json;
    }

    static ArrayNode policies(List<PolicyStatus> policies) {
        ArrayNode json = NODES.arrayNode();
        for (PolicyStatus p : policies) {
            ObjectNode policy = json.addObject();
            policy.put("name", p.name());
            policy.put("valid", p.valid());
            policy.put("status", line(p));
            policy.put("rule", p.valid() ? p.summary() : null);
            policy.put("error", p.valid() ? (p.lastError().isEmpty() ? null : p.lastError()) : p.summary());
            policy.put("datasets", p.datasets());
            policy.put("pendingSteps", p.pendingSteps());
            policy.put("lastRound", instant(p.lastRound()));
        }
        return json;
    }

    /** One line per policy for dashboards and the shell: "cold: OK, 120 datasets, 3 pending (last round ...)". */
    static String line(PolicyStatus p) {
        if (!p.valid()) {
            return p.name() + ": INVALID - " + p.summary();
        }
        String health = !p.lastError().isEmpty() ? "FAILING" : p.pendingSteps() > 0 ? "PENDING" : "OK";
        return p.name() + ": " + health + ", " + p.datasets() + " datasets, " + p.pendingSteps() + " pending steps"
                + (p.lastRound() == null ? ", no round yet" : ", last round " + p.lastRound());
    }

    /** The planning report; byte counts are numbers of bytes, costs in the report's currency. */
    static ObjectNode planning(PlanningReport report) {
        ObjectNode json = NODES.objectNode();
        json.put("generated", instant(report.generated()));
        json.put("currency", report.currency());
        json.put("bytesPerYear", report.bytesPerYear());
        json.put("catalogueBytes", report.catalogueBytes());
        json.put("copiesPerByte", report.copiesPerByte());
        json.put("costPerYear", report.costPerYear());
        json.put("budgetPerYear", report.budgetPerYear());
        if (report.affordableYears().isPresent()) {
            json.put("affordableYears", report.affordableYears().getAsInt());
        } else {
            json.putNull("affordableYears");
        }
        json.put("preservation", report.preservation());
        ArrayNode tiers = json.putArray("tiers");
        for (TierPlan t : report.tiers()) {
            ObjectNode tier = tiers.addObject();
            tier.put("id", t.id());
            tier.put("tier", t.tier() == null ? null : t.tier().name());
            tier.put("totalBytes", t.capacity() == null ? null : t.capacity().totalBytes());
            tier.put("usedBytes", t.capacity() == null ? null : t.capacity().usedBytes());
            tier.put("freeBytes", t.capacity() == null ? null : t.freeBytes());
            tier.put("heldBytes", t.heldBytes());
            tier.put("datasets", t.datasets());
            tier.put("costPerTbYear", t.costPerTbYear());
            tier.put("costPerYear", t.costPerYear());
            tier.put("growthBytesPerYear", t.growthBytesPerYear());
            tier.put("fullAt", instant(t.fullAt()));
            tier.put("note", t.note());
        }
        ArrayNode months = json.putArray("months");
        for (MonthlyIngest m : report.months()) {
            months.addObject().put("month", m.month().toString()).put("datasets", m.datasets()).put("bytes", m.bytes());
        }
        ArrayNode projection = json.putArray("projection");
        for (YearProjection y : report.projection()) {
            projection.addObject().put("year", y.year()).put("bytesHeld", y.bytesHeld()).put("cost", y.cost())
                    .put("cumulativeCost", y.cumulativeCost()).put("cumulativeBudget", y.cumulativeBudget());
        }
        return json;
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
