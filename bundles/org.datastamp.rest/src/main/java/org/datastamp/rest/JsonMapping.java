package org.datastamp.rest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.core.api.CapabilityInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The REST API's JSON, written out field by field: the wire format is a contract of its own and must not change
 * when an API record gains a component. Timestamps are ISO-8601 instants in UTC ({@code 2026-01-31T12:00:00Z}).
 */
final class JsonMapping {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonMapping() {
    }

    static ObjectNode capability(CapabilityInfo info) {
        ObjectNode json = NODES.objectNode();
        json.put("kind", info.kind().name());
        json.put("id", info.id());
        json.put("displayName", info.displayName());
        json.put("bundle", info.bundle());
        json.put("bundleVersion", info.bundleVersion());
        json.put("state", info.state().name());
        return json;
    }

    static ArrayNode capabilities(List<CapabilityInfo> infos) {
        ArrayNode json = NODES.arrayNode();
        infos.forEach(info -> json.add(capability(info)));
        return json;
    }

    static ObjectNode dataset(Dataset dataset) {
        ObjectNode json = NODES.objectNode();
        json.put("id", dataset.id().value());
        json.put("title", dataset.content().title());
        json.put("type", dataset.content().type().name());
        json.put("instrument", dataset.content().instrument());
        json.put("sampleName", dataset.content().sampleName());
        json.put("location", dataset.content().location());
        json.put("startTime", instant(dataset.content().startTime()));
        json.put("endTime", instant(dataset.content().endTime()));
        json.put("created", instant(dataset.created()));
        json.put("size", dataset.size());
        json.put("fileCount", dataset.content().files().size());
        ArrayNode files = json.putArray("files");
        dataset.content().files().forEach(file -> files.add(datafile(file)));
        ArrayNode metadata = json.putArray("metadata");
        dataset.content().metadata().forEach(entry -> metadata.add(metadataEntry(entry)));
        return json;
    }

    static ObjectNode datasetPage(long total, int offset, int limit, List<Dataset> items) {
        ObjectNode json = NODES.objectNode();
        json.put("total", total);
        json.put("offset", offset);
        json.put("limit", limit);
        ArrayNode array = json.putArray("items");
        items.forEach(dataset -> array.add(dataset(dataset)));
        return json;
    }

    static ObjectNode datafile(Datafile file) {
        ObjectNode json = NODES.objectNode();
        json.put("path", file.path());
        json.put("size", file.size());
        json.put("checksumAlgorithm", file.checksumAlgorithm());
        json.put("checksum", file.checksum());
        json.put("modified", instant(file.modified()));
        return json;
    }

    static ObjectNode metadataEntry(MetadataEntry entry) {
        ObjectNode json = NODES.objectNode();
        json.put("name", entry.name());
        json.set("value", metadataValue(entry.value()));
        json.put("unit", entry.unit());
        return json;
    }

    /** Metadata values keep their JSON type: numbers stay numbers, lists become arrays. */
    static JsonNode metadataValue(Object value) {
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(element -> array.add(metadataValue(element)));
            return array;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (value instanceof BigDecimal big) {
            return NODES.numberNode(big);
        }
        if (value instanceof Number number) {
            return NODES.numberNode(number.doubleValue());
        }
        return NODES.textNode(String.valueOf(value));
    }

    static ObjectNode scanStatus(ScanStatus status) {
        ObjectNode json = NODES.objectNode();
        json.put("id", status.id().value());
        json.put("state", status.state().name());
        json.put("framesWritten", status.framesWritten());
        json.put("frameCount", status.request().frameCount());
        json.put("detectorId", status.request().detectorId());
        json.put("title", status.request().title());
        json.put("datasetId", status.dataset().map(Object::toString).orElse(null));
        json.put("error", status.error().orElse(null));
        return json;
    }

    static ArrayNode scanStatuses(List<ScanStatus> statuses) {
        ArrayNode json = NODES.arrayNode();
        statuses.forEach(status -> json.add(scanStatus(status)));
        return json;
    }

    static ObjectNode problem(Problem problem) {
        ObjectNode json = NODES.objectNode();
        json.put("type", "about:blank");
        json.put("title", problem.title());
        json.put("status", problem.status());
        json.put("detail", problem.detail());
        return json;
    }

    private static String instant(Instant instant) {
        return instant.toString();
    }
}
