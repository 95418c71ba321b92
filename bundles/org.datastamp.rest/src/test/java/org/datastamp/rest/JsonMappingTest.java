package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.core.api.CapabilityInfo;
import org.datastamp.core.api.CapabilityKind;
import org.datastamp.core.api.CapabilityState;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class JsonMappingTest {

    private final JsonCodec codec = new JsonCodec();

    @Test
    void capabilityCarriesKindIdNameBundleVersionAndState() {
        CapabilityInfo info = new CapabilityInfo(CapabilityKind.DETECTOR, "simulated-detector", "Simulated detector",
                "org.datastamp.detector.simulated", "0.1.0.202601311200", CapabilityState.ACTIVE);

        assertEquals("{\"kind\":\"DETECTOR\",\"id\":\"simulated-detector\",\"displayName\":\"Simulated detector\","
                + "\"bundle\":\"org.datastamp.detector.simulated\",\"bundleVersion\":\"0.1.0.202601311200\","
                + "\"state\":\"ACTIVE\"}", codec.toString(JsonMapping.capability(info)));
    }

    @Test
    void datasetHasEveryContractFieldWithIsoTimestampsFilesAndMetadata() {
        JsonNode json = JsonMapping.dataset(Fakes.dataset("ds-1", 0));

        assertEquals(List.of("id", "title", "type", "instrument", "sampleName", "location", "startTime", "endTime",
                "created", "size", "fileCount", "files", "metadata"), fieldNames(json));
        assertEquals("ds-1", json.get("id").textValue());
        assertEquals("RAW", json.get("type").textValue());
        assertEquals("lysozyme", json.get("sampleName").textValue());
        assertEquals("2026-01-31T12:00:00Z", json.get("startTime").textValue());
        assertEquals("2026-01-31T12:00:05Z", json.get("endTime").textValue());
        assertEquals("2026-01-31T12:00:06Z", json.get("created").textValue());
        assertEquals(2048, json.get("size").longValue());
        assertEquals(1, json.get("fileCount").intValue());
        JsonNode file = json.get("files").get(0);
        assertEquals(List.of("path", "size", "checksumAlgorithm", "checksum", "modified"), fieldNames(file));
        assertEquals("scan.nxs", file.get("path").textValue());
        assertEquals("SHA-256", file.get("checksumAlgorithm").textValue());
        assertEquals("2026-01-31T12:00:05Z", file.get("modified").textValue());
        JsonNode temperature = json.get("metadata").get(0);
        assertEquals(List.of("name", "value", "unit"), fieldNames(temperature));
        assertEquals("K", temperature.get("unit").textValue());
    }

    @Test
    void metadataValuesKeepTheirJsonTypes() {
        assertTrue(JsonMapping.metadataValue(293.5).isDouble());
        assertTrue(JsonMapping.metadataValue(10).isInt());
        assertTrue(JsonMapping.metadataValue(10_000_000_000L).isLong());
        assertTrue(JsonMapping.metadataValue(new BigDecimal("1.10")).isBigDecimal());
        assertTrue(JsonMapping.metadataValue(true).isBoolean());
        assertTrue(JsonMapping.metadataValue("x").isTextual());
        assertEquals("[1,2.5,\"x\",false]", codec.toString(JsonMapping.metadataValue(List.of(1, 2.5, "x", false))));
    }

    @Test
    void datasetPageWrapsItemsWithTotalOffsetAndLimit() {
        JsonNode json = JsonMapping.datasetPage(7, 5, 2, List.of(Fakes.dataset("ds-6", 6), Fakes.dataset("ds-7", 7)));

        assertEquals(List.of("total", "offset", "limit", "items"), fieldNames(json));
        assertEquals(7, json.get("total").longValue());
        assertEquals(5, json.get("offset").intValue());
        assertEquals(2, json.get("limit").intValue());
        assertEquals("ds-7", json.get("items").get(1).get("id").textValue());
    }

    @Test
    void runningScanStatusHasNullDatasetAndError() {
        ScanStatus status = new ScanStatus(new ScanId("scan-000001"), new ScanRequest("simulated-detector", 10, "T", ""),
                ScanState.RUNNING, 3, Optional.empty(), Optional.empty());

        assertEquals("{\"id\":\"scan-000001\",\"state\":\"RUNNING\",\"framesWritten\":3,\"frameCount\":10,"
                + "\"detectorId\":\"simulated-detector\",\"title\":\"T\",\"datasetId\":null,\"error\":null}",
                codec.toString(JsonMapping.scanStatus(status)));
    }

    @Test
    void finishedScanStatusNamesItsDatasetOrError() {
        ScanRequest request = new ScanRequest("simulated-detector", 2, "T", "");
        ScanStatus done = new ScanStatus(new ScanId("scan-2"), request, ScanState.COMPLETED, 2,
                Optional.of(new DatasetId("ds-9")), Optional.empty());
        ScanStatus failed = new ScanStatus(new ScanId("scan-3"), request, ScanState.FAILED, 1, Optional.empty(),
                Optional.of("detector left"));

        assertEquals("ds-9", JsonMapping.scanStatus(done).get("datasetId").textValue());
        assertEquals("detector left", JsonMapping.scanStatus(failed).get("error").textValue());
        assertEquals(2, JsonMapping.scanStatuses(List.of(done, failed)).size());
    }

    @Test
    void problemIsAnRfc9457Document() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No dataset\"}",
                codec.toString(JsonMapping.problem(Problem.notFound("No dataset"))));
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
