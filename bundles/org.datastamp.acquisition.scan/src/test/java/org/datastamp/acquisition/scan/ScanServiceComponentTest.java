package org.datastamp.acquisition.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.datastamp.acquisition.api.ScanException;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.core.api.DataDirectory;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.detector.simulated.SimulatedDetector;
import org.datastamp.detector.simulated.SimulatedDetectorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** The DS component's wiring, driven the way SCR drives it but without a framework. */
class ScanServiceComponentTest {

    @TempDir
    Path dataDir;

    /** The configuration SCR would pass: annotation defaults, with some values overridden. */
    private static ScanServiceComponent.Config config(Map<String, Object> overrides) {
        return (ScanServiceComponent.Config) Proxy.newProxyInstance(ScanServiceComponent.Config.class.getClassLoader(),
                new Class<?>[] {ScanServiceComponent.Config.class},
                (proxy, method, args) -> overrides.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && DataDirectory.PROPERTY.equals(args[0])) {
                        return dataDir.toString();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aDetectorUnboundMidScanFailsThatScanAndIsNoLongerOffered() throws Exception {
        ScanServiceComponent component = new ScanServiceComponent();
        SimulatedDetector detector = new SimulatedDetector(new SimulatedDetectorSettings(
                new FrameGeometry(16, 16, PixelType.UINT16), 50));
        component.addDetector(detector);
        component.addStorage(new Fakes.MemoryStorage());
        component.activate(config(Map.of()), context());
        try {
            ScanId id = component.start(new ScanRequest("simulated-detector", 10_000, "long", "")).id();
            while (component.status(id).orElseThrow().state() != ScanState.RUNNING) {
                Thread.sleep(5);
            }

            component.removeDetector(detector);
            ScanStatus failed = awaitEnd(component, id);

            assertEquals(ScanState.FAILED, failed.state());
            assertTrue(failed.error().orElseThrow().startsWith("Detector 'simulated-detector' went away during the"
                    + " scan after "), failed.error().orElseThrow());
            assertEquals("Unknown detector 'simulated-detector'; no detectors are available",
                    assertThrows(ScanException.class,
                            () -> component.start(new ScanRequest("simulated-detector", 1, "t", ""))).getMessage());
        } finally {
            component.deactivate();
        }
    }

    @Test
    void rawDataGoesOnlyToTheConfiguredStorageTier() throws Exception {
        ScanServiceComponent component = new ScanServiceComponent();
        component.addDetector(new SimulatedDetector(new SimulatedDetectorSettings(
                new FrameGeometry(16, 16, PixelType.UINT16), 0)));
        component.addStorage(new Fakes.MemoryStorage());
        component.activate(config(Map.of("storageId", "tape-library")), context());
        try {
            ScanException e = assertThrows(ScanException.class,
                    () -> component.start(new ScanRequest("simulated-detector", 1, "t", "")));

            assertEquals("Storage tier 'tape-library' for raw data is not available; start it or set storageId in the"
                    + " scan service configuration", e.getMessage());
        } finally {
            component.deactivate();
        }
    }

    @Test
    void anUnknownWhenQueueFullIsRefusedNamingTheChoices() {
        ScanServiceComponent component = new ScanServiceComponent();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> component.activate(config(Map.of("whenQueueFull", "sometimes")), context()));

        assertEquals("whenQueueFull must be 'block' or 'drop', got 'sometimes'", e.getMessage());
    }

    @Test
    void theComponentIsTheLiveFramesServiceFedByItsScans() throws Exception {
        ScanServiceComponent component = new ScanServiceComponent();
        component.addDetector(new SimulatedDetector(new SimulatedDetectorSettings(
                new FrameGeometry(16, 16, PixelType.UINT16), 0)));
        component.addStorage(new Fakes.MemoryStorage());
        component.activate(config(Map.of("liveRateHz", 1000.0)), context());
        try {
            assertTrue(component.latest("simulated-detector").isEmpty());
            // No catalogue is bound here, so the scan ends FAILED after writing; its frames went past the tap all the same.
            awaitEnd(component, component.start(new ScanRequest("simulated-detector", 3, "t", "")).id());

            assertTrue(component.latest("simulated-detector").isPresent(), "a frame of the scan is kept");
        } finally {
            component.deactivate();
        }
    }

    private static ScanStatus awaitEnd(ScanServiceComponent component, ScanId id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            ScanStatus s = component.status(id).orElseThrow();
            if (s.state() == ScanState.FAILED || s.state() == ScanState.COMPLETED) {
                return s;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("Scan " + id + " did not end: " + component.status(id));
    }
}
