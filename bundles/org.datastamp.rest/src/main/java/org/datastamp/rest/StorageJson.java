package org.datastamp.rest;

import java.time.Instant;
import java.util.List;

import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.storage.api.PolicyStatus;
import org.datastamp.storage.api.RecallStatus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON of the storage endpoints (copies, recalls, policies), written field by field like {@link JsonMapping}. */
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

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
