package org.datastamp.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.datastamp.acquisition.api.LiveFrames;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanService;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.core.api.CapabilityRegistry;
import org.datastamp.core.api.CapabilityState;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Acquisition at detector speed, end to end inside the platform and configured through Configuration Admin only: a
 * simulated DECTRIS detector (org.datastamp.detector.dectris.simulator) publishes a series, a DECTRIS stream receiver
 * (org.datastamp.detector.dectris) takes it, the scan service streams it through the HDF5 writer
 * (org.datastamp.acquisition.hdf5) into the hot tier and the catalogue; h5py then reads every frame back.
 */
class DectrisAcquisitionIntegrationTest {

    private static final String SIMULATOR_PID = "org.datastamp.detector.dectris.simulator";
    private static final String RECEIVER_PID = "org.datastamp.detector.dectris";
    private static final String PYTHON = "/usr/bin/python3";
    private static final int WIDTH = 256;
    private static final int HEIGHT = 200;
    private static final int FRAMES = 20;

    /** Reads the scan's master file as a user would: the frames through its external link, with the filter plugins. */
    private static final String READ_BACK = """
            import sys, json, hashlib, h5py, hdf5plugin, numpy as np
            with h5py.File(sys.argv[1], 'r') as f:
                d = f['/entry/data/data']
                plist = d.id.get_create_plist()
                filters = [plist.get_filter(i)[0] for i in range(plist.get_nfilters())]
                frames = [hashlib.sha256(np.ascontiguousarray(d[i]).astype(d.dtype.newbyteorder('<')).tobytes())
                          .hexdigest() for i in range(d.shape[0])]
                status = f['/entry'].attrs['datastamp_status']
                print(json.dumps({'shape': list(d.shape), 'dtype': d.dtype.str, 'filters': filters,
                                  'status': status.decode() if isinstance(status, bytes) else str(status),
                                  'detector': f['/entry/instrument/detector/local_name'][()].decode(),
                                  'sha256': frames}))
            """;

    private final Platform platform = new Platform();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void streamV2Bslz4SeriesIsWrittenByTheHdf5WriterPixelForPixelAndCatalogued() throws Exception {
        acquireAndCheck("it-v2", 2, "bslz4", 32008);
    }

    @Test
    void streamV1Lz4SeriesIsWrittenByTheHdf5WriterPixelForPixelAndCatalogued() throws Exception {
        acquireAndCheck("it-v1", 1, "lz4", 32004);
    }

    private void acquireAndCheck(String name, int version, String compression, int filter) throws Exception {
        ConfigurationAdmin configAdmin = platform.service(ConfigurationAdmin.class, "org.apache.felix.configadmin");
        ScanService scans = platform.service(ScanService.class, "org.datastamp.acquisition.scan");
        LiveFrames live = platform.service(LiveFrames.class, "org.datastamp.acquisition.scan");
        Catalog catalog = platform.service(Catalog.class, "org.datastamp.catalog.jdbc");
        CapabilityRegistry registry = platform.service(CapabilityRegistry.class, "org.datastamp.core.registry");
        String endpoint = "tcp://127.0.0.1:" + freePort();
        String detectorId = "dectris-" + name;

        List<Configuration> configurations = new ArrayList<>();
        try {
            configurations.add(configure(configAdmin, SIMULATOR_PID, name, Map.of("endpoint", endpoint,
                    "version", version, "width", WIDTH, "height", HEIGHT, "bits", 32, "compression", compression,
                    "frames", FRAMES, "series", 1)));
            configurations.add(configure(configAdmin, RECEIVER_PID, name, Map.of("endpoint", endpoint,
                    "protocolVersion", String.valueOf(version), "displayName", "Simulated EIGER " + name)));
            Platform.await(detectorId + " in the capability registry", Platform.SERVICE_TIMEOUT,
                    () -> registry.capabilities().stream().anyMatch(
                            c -> c.id().equals(detectorId) && c.state() == CapabilityState.ACTIVE));
            Platform.await("a DetectorDriver service " + detectorId, Platform.SERVICE_TIMEOUT,
                    () -> detectorRegistered(detectorId));

            ScanStatus started = scans.start(new ScanRequest(detectorId, FRAMES, "DECTRIS " + name, "lysozyme"));
            ScanStatus done = awaitEnd(scans, started);

            assertEquals(ScanState.COMPLETED, done.state(), "scan failed: " + done.error().orElse(""));
            assertEquals(FRAMES, done.framesWritten());
            assertEquals(0, done.framesDropped());
            Optional<Frame> latest = live.latest(detectorId);
            assertTrue(latest.isPresent(), "LiveFrames kept no frame of " + detectorId);
            assertEquals(new FrameGeometry(WIDTH, HEIGHT, PixelType.UINT32), latest.get().geometry());
            assertTrue(latest.get().index() >= 0 && latest.get().index() < FRAMES, "live frame " + latest.get().index());

            Dataset dataset = catalog.find(done.dataset().orElseThrow(), Viewer.system()).orElseThrow(
                    () -> new AssertionError("dataset " + done.dataset() + " is not in the catalogue"));
            Map<String, Object> metadata = dataset.content().metadata().stream()
                    .collect(Collectors.toMap(MetadataEntry::name, MetadataEntry::value, (a, b) -> a));
            assertEquals(detectorId, metadata.get("detector_id"), metadata.toString());
            assertEquals(List.of(WIDTH, HEIGHT, "UINT32"), List.of(number(metadata.get("detector_width")),
                    number(metadata.get("detector_height")), metadata.get("detector_pixel_type")), metadata.toString());
            assertEquals(FRAMES, number(metadata.get("frame_count")), metadata.toString());
            assertEquals(0, number(metadata.get("frames_dropped")), metadata.toString());

            String masterName = dataset.content().files().stream().map(f -> Path.of(f.path()).getFileName().toString())
                    .filter(n -> n.endsWith(".nxs")).findFirst().orElseThrow(() -> new AssertionError(
                            "no .nxs among the dataset's files " + dataset.content().files()));
            Path hot = platform.dataDirectory().resolve("hot");
            Path master = find(hot, masterName);
            JsonNode file = readBack(master);

            assertEquals(List.of(FRAMES, HEIGHT, WIDTH), ints(file.get("shape")), file.toString());
            assertEquals("<u4", file.get("dtype").asText());
            assertTrue(ints(file.get("filters")).contains(filter), "frames not stored with filter " + filter
                    + " (the HDF5 writer's direct chunk write); dataset filters " + file.get("filters"));
            assertEquals("complete", file.get("status").asText(), "the writer's @datastamp_status");
            assertEquals(detectorId, file.get("detector").asText());
            List<String> expected = expectedFrameDigests();
            for (int i = 0; i < FRAMES; i++) {
                assertEquals(expected.get(i), file.get("sha256").get(i).asText(),
                        "frame " + i + " read by h5py differs from what the simulator sent");
            }
        } finally {
            for (Configuration c : configurations) {
                c.delete();
            }
        }
    }

    private static Configuration configure(ConfigurationAdmin configAdmin, String factoryPid, String name,
            Map<String, Object> properties) throws IOException {
        Configuration c = configAdmin.getFactoryConfiguration(factoryPid, name, "?");
        c.update(new Hashtable<>(properties));
        return c;
    }

    /** Whether a DetectorDriver service with that capability id is registered (the scan service binds it then). */
    private boolean detectorRegistered(String detectorId) {
        try {
            BundleContext context = platform.context();
            return context.getServiceReferences(DetectorDriver.class, null).stream().anyMatch(r -> {
                DetectorDriver d = context.getService(r);
                try {
                    return d != null && d.capabilityId().equals(detectorId);
                } finally {
                    context.ungetService(r);
                }
            });
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static ScanStatus awaitEnd(ScanService scans, ScanStatus started) {
        ScanStatus[] now = {started};
        Platform.await("scan " + started.id() + " to end", Duration.ofSeconds(120), () -> {
            now[0] = scans.status(started.id()).orElseThrow();
            return now[0].state() == ScanState.COMPLETED || now[0].state() == ScanState.FAILED;
        });
        return now[0];
    }

    /**
     * SHA-256 of each frame the simulator sent, as little-endian pixels: rendered by the simulator bundle's own
     * PixelPattern, loaded through that bundle (it exports nothing) so the test does not restate the pattern.
     */
    private List<String> expectedFrameDigests() throws Exception {
        Bundle simulator = Stream.of(platform.context().getBundles())
                .filter(b -> b.getSymbolicName().equals(SIMULATOR_PID)).findFirst()
                .orElseThrow(() -> new AssertionError(SIMULATOR_PID + " is not installed"));
        Method render = simulator.loadClass("org.datastamp.detector.dectris.simulator.PixelPattern")
                .getMethod("render", long.class, int.class, int.class, int.class);
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            byte[] pixels = (byte[]) render.invoke(null, (long) i, WIDTH, HEIGHT, 32);
            digests.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pixels)));
        }
        return digests;
    }

    private JsonNode readBack(Path master) throws Exception {
        assertTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is missing: install python3-h5py and"
                + " python3-hdf5plugin (releng/test's required packages)");
        Path script = Files.writeString(Files.createTempFile("read-back", ".py"), READ_BACK);
        try {
            Process p = new ProcessBuilder(PYTHON, script.toString(), master.toString()).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("h5py could not read " + master + ": " + err);
            }
            return json.readTree(out);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static Path find(Path root, String fileName) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(fileName)).findFirst().orElseThrow(
                    () -> new AssertionError(fileName + " is not in the hot tier " + root));
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asInt()));
        return values;
    }

    private static Object number(Object value) {
        return value instanceof Number n ? (Object) n.intValue() : value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
