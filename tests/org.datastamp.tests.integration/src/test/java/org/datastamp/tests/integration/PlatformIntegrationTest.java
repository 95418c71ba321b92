package org.datastamp.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.datastamp.acquisition.api.ScanService;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.core.api.CapabilityInfo;
import org.datastamp.core.api.CapabilityKind;
import org.datastamp.core.api.CapabilityRegistry;
import org.datastamp.core.api.CapabilityState;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.ui.api.WorkbenchView;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform in a real Equinox with the product's bundles: SCR, Configuration Admin, Felix HTTP, RAP, the core
 * implementations, the REST API and the workbench.
 */
class PlatformIntegrationTest {

    /** The skeleton's capabilities: id, kind and the bundle that must provide each. */
    private static final Map<String, Map.Entry<CapabilityKind, String>> SKELETON = Map.of(
            "simulated-detector", Map.entry(CapabilityKind.DETECTOR, "org.datastamp.detector.simulated"),
            "simulated-controls", Map.entry(CapabilityKind.CONTROL_SYSTEM, "org.datastamp.controls.simulated"),
            "hot-disk", Map.entry(CapabilityKind.STORAGE, "org.datastamp.storage.disk"),
            "embedded-catalog", Map.entry(CapabilityKind.CATALOG, "org.datastamp.catalog.jdbc"));

    private static final Duration PLUGIN_TIMEOUT = Duration.ofSeconds(10);

    private final Platform platform = new Platform();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everySkeletonCapabilityRegistersAndTheRegistryReportsItsBundleAndVersion() {
        assertEquals("simulated-detector", platform.service(DetectorDriver.class, "org.datastamp.detector.simulated")
                .capabilityId());
        assertNotNull(platform.service(ControlSystemConnector.class, "org.datastamp.controls.simulated"));
        assertNotNull(platform.service(StorageBackend.class, "org.datastamp.storage.disk"));
        assertNotNull(platform.service(Catalog.class, "org.datastamp.catalog.jdbc"));
        CapabilityRegistry registry = platform.service(CapabilityRegistry.class, "org.datastamp.core.registry");

        Platform.await("the registry to report " + SKELETON.keySet(), Platform.SERVICE_TIMEOUT,
                () -> ids(registry.capabilities()).containsAll(SKELETON.keySet()));

        for (CapabilityInfo info : registry.capabilities()) {
            var expected = SKELETON.get(info.id());
            if (expected == null) {
                continue;
            }
            assertEquals(expected.getKey(), info.kind(), info.id());
            assertEquals(expected.getValue(), info.bundle(), info.id());
            assertEquals(bundle(expected.getValue()).getVersion().toString(), info.bundleVersion(), info.id());
            assertEquals(CapabilityState.ACTIVE, info.state(), info.id());
        }
    }

    @Test
    void capabilitiesAnswerOverHttpAsJson() throws Exception {
        platform.service(CapabilityRegistry.class, "org.datastamp.core.registry");
        Platform.await("GET /api/capabilities to list the skeleton", Platform.SERVICE_TIMEOUT,
                () -> ids(capabilitiesOverHttp()).containsAll(SKELETON.keySet()));

        HttpResponse<String> response = platform.get("/api/v1/capabilities");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode detector = StreamSupport.stream(json.readTree(response.body()).spliterator(), false)
                .filter(node -> node.get("id").asText().equals("simulated-detector")).findFirst().orElseThrow();
        assertEquals("DETECTOR", detector.get("kind").asText());
        assertEquals("org.datastamp.detector.simulated", detector.get("bundle").asText());
        assertEquals(bundle("org.datastamp.detector.simulated").getVersion().toString(),
                detector.get("bundleVersion").asText());
    }

    @Test
    void badScanRequestIsAProblemDocumentNamingTheField() throws Exception {
        platform.service(ScanService.class, "org.datastamp.acquisition.scan");

        HttpResponse<String> response = platform.postJsonAsAdmin("/api/v1/scans",
                "{\"detectorId\":\"simulated-detector\",\"frameCount\":0,\"title\":\"nothing\"}");

        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("")
                .replaceAll(";.*", ""));
        JsonNode problem = json.readTree(response.body());
        assertEquals(400, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains("frameCount"), problem.toString());
        assertEquals(404, platform.get("/api/v1/datasets/ds-does-not-exist").statusCode());
    }

    @Test
    void simulatedScanProducesADatasetListedOverHttpWithItsNexusFileOnDisk() throws Exception {
        platform.service(ScanService.class, "org.datastamp.acquisition.scan");
        platform.service(CapabilityRegistry.class, "org.datastamp.core.registry");
        Platform.await("the simulated detector in the registry", Platform.SERVICE_TIMEOUT,
                () -> ids(capabilitiesOverHttp()).contains("simulated-detector"));

        HttpResponse<String> started = platform.postJsonAsAdmin("/api/v1/scans", "{\"detectorId\":\"simulated-detector\","
                + "\"frameCount\":5,\"title\":\"Integration test scan\",\"sampleName\":\"lysozyme\"}");
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/api/v1/scans/scan-"), location);

        JsonNode[] status = new JsonNode[1];
        Platform.await("the scan at " + location + " to finish", Duration.ofSeconds(60), () -> {
            status[0] = readJson(location);
            String state = status[0].get("state").asText();
            return state.equals("COMPLETED") || state.equals("FAILED");
        });
        assertEquals("COMPLETED", status[0].get("state").asText(), status[0].toString());
        assertEquals(5, status[0].get("framesWritten").asInt());
        String datasetId = status[0].get("datasetId").asText();

        JsonNode page = readJson("/api/v1/datasets?offset=0&limit=50");
        assertTrue(StreamSupport.stream(page.get("hits").spliterator(), false)
                .anyMatch(item -> item.get("id").asText().equals(datasetId)), page.toString());
        JsonNode dataset = readJson("/api/v1/datasets/" + datasetId);
        assertEquals("Integration test scan", dataset.get("title").asText());
        assertEquals("lysozyme", dataset.get("sampleName").asText());
        JsonNode file = dataset.get("files").get(0);
        String fileName = Path.of(file.get("path").asText()).getFileName().toString();
        assertTrue(fileName.endsWith(".nxs"), fileName);

        Path onDisk = find(platform.dataDirectory(), fileName).orElseThrow(() -> new AssertionError(
                fileName + " is not in the data directory " + platform.dataDirectory()));
        assertEquals(file.get("size").asLong(), Files.size(onDisk));
        assertTrue(Platform.isHdf5(onDisk), onDisk + " does not start with the HDF5 signature");
    }

    @Test
    void examplePluginInstalledAtRuntimeAppearsInTheRegistryAndLeavesWhenUninstalled() throws Exception {
        CapabilityRegistry registry = platform.service(CapabilityRegistry.class, "org.datastamp.core.registry");
        Path jar = Path.of(System.getProperty("datastamp.examples.detector.jar", ""));
        assertTrue(Files.isRegularFile(jar), "The example plugin jar " + jar + " is missing: build module"
                + " tests/org.datastamp.examples.detector first (./mvnw verify builds it before these tests)");
        assertFalse(ids(registry.capabilities()).contains("example-detector"));

        Bundle plugin = platform.context().installBundle(jar.toUri().toString());
        try {
            plugin.start();
            Platform.await("example-detector to appear in the registry", PLUGIN_TIMEOUT,
                    () -> ids(registry.capabilities()).contains("example-detector"));
            CapabilityInfo info = registry.capabilities().stream().filter(i -> i.id().equals("example-detector"))
                    .findFirst().orElseThrow();
            assertEquals(CapabilityKind.DETECTOR, info.kind());
            assertEquals("org.datastamp.examples.detector", info.bundle());
            assertEquals(plugin.getVersion().toString(), info.bundleVersion());
            Platform.await("example-detector in GET /api/capabilities", PLUGIN_TIMEOUT,
                    () -> ids(capabilitiesOverHttp()).contains("example-detector"));
        } finally {
            uninstall(plugin);
        }
        Platform.await("example-detector to leave the registry", PLUGIN_TIMEOUT,
                () -> !ids(registry.capabilities()).contains("example-detector"));
        Platform.await("example-detector to leave GET /api/capabilities", PLUGIN_TIMEOUT,
                () -> !ids(capabilitiesOverHttp()).contains("example-detector"));
    }

    @Test
    void workbenchPageIsServedAndTheRootRedirectsToIt() throws Exception {
        Platform.await("RAP to serve /workbench", Platform.SERVICE_TIMEOUT, () -> status("/workbench") == 200);

        HttpResponse<String> page = platform.get("/workbench");
        assertTrue(page.body().contains("<title>DataSTaMP</title>"), page.body());
        assertTrue(page.body().contains("rap-client.js"), "not a RAP start page: " + page.body());
        HttpResponse<String> root = platform.get("/");
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/workbench"));
    }

    @Test
    void datasetsViewAndRestFollowTheCatalogueWhenItsBundleStopsAndStarts() throws Exception {
        platform.service(Catalog.class, "org.datastamp.catalog.jdbc");
        Platform.await("the capabilities and datasets views", Platform.SERVICE_TIMEOUT,
                () -> viewIds().containsAll(Set.of("capabilities", "datasets")));
        Platform.await("GET /api/datasets to answer", Platform.SERVICE_TIMEOUT, () -> status("/api/v1/datasets") == 200);
        Bundle catalogue = bundle("org.datastamp.catalog.jdbc");

        catalogue.stop();
        try {
            Platform.await("the datasets view to leave with the catalogue", PLUGIN_TIMEOUT,
                    () -> !viewIds().contains("datasets"));
            assertTrue(viewIds().contains("capabilities"), "the capabilities view needs no catalogue");
            HttpResponse<String> unavailable = platform.get("/api/v1/datasets");
            assertEquals(503, unavailable.statusCode(), unavailable.body());
            assertTrue(json.readTree(unavailable.body()).get("detail").asText().contains("catalogue"));
        } finally {
            catalogue.start();
        }
        Platform.await("the datasets view to come back", PLUGIN_TIMEOUT, () -> viewIds().contains("datasets"));
        Platform.await("GET /api/datasets to answer again", PLUGIN_TIMEOUT, () -> status("/api/v1/datasets") == 200);
    }

    private Set<String> viewIds() {
        return platform.viewIds();
    }

    private JsonNode readJson(String path) {
        try {
            HttpResponse<String> response = platform.getAsAdmin(path);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private List<String> capabilitiesOverHttp() {
        try {
            HttpResponse<String> response = platform.get("/api/v1/capabilities");
            if (response.statusCode() != 200) {
                return List.of();
            }
            return StreamSupport.stream(json.readTree(response.body()).spliterator(), false)
                    .map(node -> node.get("id").asText()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private int status(String path) {
        try {
            return platform.get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Set<String> ids(List<?> capabilities) {
        return capabilities.stream().map(c -> c instanceof CapabilityInfo info ? info.id() : c.toString())
                .collect(Collectors.toSet());
    }

    private Bundle bundle(String symbolicName) {
        return Stream.of(platform.context().getBundles()).filter(b -> b.getSymbolicName().equals(symbolicName))
                .findFirst().orElseThrow(() -> new AssertionError("Bundle " + symbolicName + " is not installed"));
    }

    private static Optional<Path> find(Path root, String fileName) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(fileName)).findFirst();
        }
    }

    private static void uninstall(Bundle plugin) throws BundleException {
        if (plugin.getState() != Bundle.UNINSTALLED) {
            plugin.uninstall();
        }
    }
}
