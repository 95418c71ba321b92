package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Facet;
import org.datastamp.catalog.api.FacetValue;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.SearchHit;
import org.datastamp.catalog.api.SearchRequest;
import org.datastamp.catalog.api.SearchResult;
import org.datastamp.catalog.api.SortField;
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
        JsonNode json = JsonMapping.dataset(Fakes.dataset("ds-1", 0), "/api/v1/datasets", JsonMapping.Related.NONE);

        assertEquals(List.of("id", "href", "title", "description", "type", "instrument", "technique", "keywords",
                "sampleName", "location", "startTime", "endTime", "created", "size", "fileCount", "files", "metadata",
                "proposal", "session", "sample", "inputs", "lifecycle", "access", "doi"), fieldNames(json));
        assertEquals("/api/v1/datasets/ds-1", json.get("href").textValue());
        assertEquals("20240123", json.get("proposal").get("id").textValue());
        assertTrue(json.get("session").isNull());
        assertEquals("2999-01-01T00:00:00Z", json.get("access").get("publicFrom").textValue());
        assertEquals("hot-disk", json.get("lifecycle").get("tiers").get(0).textValue());
        assertTrue(json.get("doi").isNull());
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
    void derivedDatasetLinksItsInputsAndNamesItsProposalFromTheDirectory() {
        NewDataset content = new NewDataset("Reduced", DatasetType.DERIVED, "CoSAXS", "", "derived/1", Fakes.T0,
                Fakes.T0, List.of(), List.of(), "", "20240123", "", "", "SAXS", List.of(),
                List.of(new DatasetId("ds-1"), new DatasetId("ds-2")));
        Dataset dataset = new Dataset(new DatasetId("ds-9"), Fakes.T0, content, Lifecycle.onHotDisk(),
                new DatasetAccess("20240123", "CoSAXS", Fakes.T0), "10.1234/abc");
        Proposal proposal = new Proposal("20240123", "Protein folding", "", "pi", Set.of("pi"), null);

        JsonNode json = JsonMapping.dataset(dataset, "/api/v1/datasets",
                new JsonMapping.Related(Optional.of(proposal), Optional.empty(), Optional.empty()));

        assertEquals("/api/v1/datasets/ds-2", json.get("inputs").get(1).get("href").textValue());
        assertEquals("Protein folding", json.get("proposal").get("title").textValue());
        assertEquals("10.1234/abc", json.get("doi").textValue());
    }

    @Test
    void searchResultHasTotalPageHitsAndFacetsByName() {
        SearchResult result = new SearchResult(7, List.of(new SearchHit(new DatasetId("ds-6"), "Scan 6", "CoSAXS",
                "20240123", "SAXS", Fakes.T0, 2048, 1.5f)), List.of(new Facet("instrument",
                        List.of(new FacetValue("CoSAXS", 5), new FacetValue("NanoMAX", 2)))));
        SearchRequest request = new SearchRequest("", SortField.START_TIME, true, 5, 1, List.of("instrument"));

        JsonNode json = JsonMapping.searchResult(result, request, "/api/v1/datasets");

        assertEquals(List.of("total", "offset", "limit", "hits", "facets"), fieldNames(json));
        assertEquals(7, json.get("total").longValue());
        assertEquals(5, json.get("offset").intValue());
        assertEquals("/api/v1/datasets/ds-6", json.get("hits").get(0).get("href").textValue());
        assertEquals("{\"value\":\"NanoMAX\",\"count\":2}",
                codec.toString(json.get("facets").get("instrument").get(1)));
    }

    @Test
    void runningScanStatusHasNullDatasetAndError() {
        ScanStatus status = new ScanStatus(new ScanId("scan-000001"), new ScanRequest("simulated-detector", 10, "T", ""),
                ScanState.RUNNING, 3, Optional.empty(), Optional.empty());

        assertEquals("{\"id\":\"scan-000001\",\"state\":\"RUNNING\",\"framesWritten\":3,\"framesDropped\":0,\"frameCount\":10,"
                + "\"detectorId\":\"simulated-detector\",\"title\":\"T\",\"datasetId\":null,\"error\":null}",
                codec.toString(JsonMapping.scanStatus(status)));
    }

    @Test
    void scanStatusCountsDroppedFrames() {
        ScanStatus status = new ScanStatus(new ScanId("scan-000002"), new ScanRequest("dectris-eiger1", 10, "T", ""),
                ScanState.COMPLETED, 8, Optional.empty(), Optional.empty(), 2);

        assertEquals(2, JsonMapping.scanStatus(status).get("framesDropped").intValue());
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

    @Test
    void problemMembersFollowTheStandardOnes() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"d\","
                + "\"position\":4,\"reason\":\"r\"}", codec.toString(JsonMapping.problem(Problem.badRequest("d")
                        .with("position", 4).with("reason", "r"))));
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
