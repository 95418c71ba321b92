package org.datastamp.acquisition.scan;

import static org.datastamp.acquisition.scan.ScanTesting.awaitEnd;
import static org.datastamp.acquisition.scan.ScanTesting.settings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.datastamp.acquisition.api.ScanException;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.detector.simulated.SimulatedDetector;
import org.datastamp.detector.simulated.SimulatedDetectorSettings;
import org.datastamp.storage.api.StorageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanQueueTest {

    private static final FrameGeometry SMALL = new FrameGeometry(32, 24, PixelType.UINT16);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    private final Fakes.Resources resources = new Fakes.Resources();
    private ScanQueue queue;

    private ScanQueue queue(SimulatedDetector detector) {
        resources.with(detector);
        resources.controls.add(new Fakes.Controls());
        queue = new ScanQueue(settings(dataDir, 0), resources, Clock.fixed(NOW, ZoneOffset.UTC));
        return queue;
    }

    private static SimulatedDetector detector(double rateHz) {
        return new SimulatedDetector(new SimulatedDetectorSettings(SMALL, rateHz));
    }

    @AfterEach
    void stopQueue() {
        if (queue != null) {
            queue.shutdown(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aScanIsStoredAndCataloguedWithItsMetadata() throws Exception {
        ScanQueue queue = queue(detector(0));

        ScanStatus queued = queue.start(new ScanRequest("simulated-detector", 5, "Lysozyme test", "lyso-01"));
        ScanStatus done = awaitEnd(queue, queued.id(), Duration.ofSeconds(30));

        assertEquals(ScanState.QUEUED, queued.state());
        assertEquals("scan-000001", queued.id().value());
        assertEquals(ScanState.COMPLETED, done.state(), done.error().orElse(""));
        assertEquals(5, done.framesWritten());
        String key = "raw/2026/scan-000001/scan-000001.nxs";
        byte[] stored = resources.memoryStorage().objects.get(key);
        assertTrue(stored != null, "stored under " + resources.memoryStorage().objects.keySet());

        Dataset dataset = resources.memoryCatalog().datasets.get(0);
        assertEquals(Optional.of(dataset.id()), done.dataset());
        assertEquals(DatasetType.RAW, dataset.content().type());
        assertEquals("SimBeamline", dataset.content().instrument());
        assertEquals("lyso-01", dataset.content().sampleName());
        assertEquals("raw/2026/scan-000001", dataset.content().location());
        Datafile file = dataset.content().files().get(0);
        assertEquals("scan-000001.nxs", file.path());
        assertEquals(stored.length, file.size());
        assertEquals("SHA-256", file.checksumAlgorithm());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)), file.checksum());
        assertEquals(List.of(
                new MetadataEntry("scan_id", "scan-000001", ""),
                new MetadataEntry("detector_id", "simulated-detector", ""),
                new MetadataEntry("detector_width", 32L, ""),
                new MetadataEntry("detector_height", 24L, ""),
                new MetadataEntry("detector_pixel_type", "UINT16", ""),
                new MetadataEntry("frame_count", 5L, ""),
                new MetadataEntry("frames_dropped", 0L, ""),
                new MetadataEntry("sample_temperature", 295.125, "K"),
                new MetadataEntry("sample_x", 1.5, "mm")), dataset.content().metadata());
        assertEquals(List.of(), listing(dataDir.resolve("staging")), "staging is emptied once the file is stored");
        assertArrayEquals(new byte[] {(byte) 0x89, 'H', 'D', 'F'}, java.util.Arrays.copyOf(stored, 4),
                "an HDF5 signature at offset 0");
    }

    @Test
    void scanIdsContinueAfterARestart() throws Exception {
        ScanQueue first = queue(detector(0));
        awaitEnd(first, first.start(new ScanRequest("simulated-detector", 1, "a", "")).id(), Duration.ofSeconds(30));
        first.shutdown(10, TimeUnit.SECONDS);

        ScanQueue second = new ScanQueue(settings(dataDir, 0), resources, Clock.fixed(NOW, ZoneOffset.UTC));
        queue = second;
        ScanStatus s = second.start(new ScanRequest("simulated-detector", 1, "b", ""));

        assertEquals("scan-000002", s.id().value());
        assertEquals(ScanState.COMPLETED, awaitEnd(second, s.id(), Duration.ofSeconds(30)).state());
    }

    @Test
    void anUnknownDetectorIsRefusedNamingTheKnownOnes() {
        ScanQueue queue = queue(detector(0));

        ScanException e = assertThrows(ScanException.class,
                () -> queue.start(new ScanRequest("eiger-16m", 10, "t", "")));

        assertEquals("Unknown detector 'eiger-16m'; known detectors: simulated-detector", e.getMessage());
        assertTrue(queue.recent().isEmpty());
    }

    @Test
    void aScanTooLargeForTheInMemoryWriterIsRefusedUpFront() {
        resources.with(new SimulatedDetector(new SimulatedDetectorSettings(new FrameGeometry(4096, 4096,
                PixelType.UINT32), 0)));
        queue = new ScanQueue(settings(dataDir, 0), resources, Clock.systemUTC());

        ScanException e = assertThrows(ScanException.class,
                () -> queue.start(new ScanRequest("simulated-detector", 10, "t", "")));

        assertTrue(e.getMessage().startsWith("A scan of 10 frames of 4096x4096 UINT32 needs 640 MiB, above the limit"
                + " of 64 MiB (maxScanMegabytes)"), e.getMessage());
    }

    @Test
    void aDetectorVanishingMidScanFailsTheScanPromptlyWithAClearError() throws Exception {
        SimulatedDetector detector = detector(50);
        ScanQueue queue = queue(detector);
        ScanStatus started = queue.start(new ScanRequest("simulated-detector", 10_000, "long", ""));
        while (queue.status(started.id()).orElseThrow().state() != ScanState.RUNNING) {
            Thread.sleep(5);
        }
        Thread.sleep(100);

        // What DS does when the detector's bundle stops: unbind from us, then deactivate the detector.
        resources.detectors.clear();
        queue.detectorLeft("simulated-detector");
        ScanStatus failed = awaitEnd(queue, started.id(), Duration.ofSeconds(5));

        assertEquals(ScanState.FAILED, failed.state());
        assertTrue(failed.error().orElseThrow().matches(
                "Detector 'simulated-detector' went away during the scan after \\d+ of 10000 frames"),
                failed.error().orElseThrow());
        assertTrue(resources.memoryStorage().objects.isEmpty());
        assertTrue(resources.memoryCatalog().datasets.isEmpty());
    }

    @Test
    void aControlSystemThatCannotBeReadStopsTheScanBeforeTheDetectorRuns() throws Exception {
        ScanQueue queue = queue(detector(0));
        ((Fakes.Controls) resources.controls.get(0)).broken = true;

        ScanStatus failed = awaitEnd(queue, queue.start(new ScanRequest("simulated-detector", 3, "t", "")).id(),
                Duration.ofSeconds(30));

        assertEquals(Optional.of("Could not read control system 'fake-controls' before acquiring:"
                + " sim/cryo/cryostream-01: device not exported"), failed.error());
        assertEquals(0, failed.framesWritten());
    }

    @Test
    void whenStorageFailsTheFileIsKeptInStagingAndTheErrorSaysWhere() throws Exception {
        ScanQueue queue = queue(detector(0));
        resources.storage = new Fakes.MemoryStorage() {
            @Override
            public void put(String key, java.io.InputStream content) throws StorageException {
                throw new StorageException("disk full");
            }
        };

        ScanStatus failed = awaitEnd(queue, queue.start(new ScanRequest("simulated-detector", 2, "t", "")).id(),
                Duration.ofSeconds(30));

        Path kept = dataDir.resolve("staging/scan-000001.nxs");
        assertEquals(Optional.of("Could not store the NeXus file as raw/2026/scan-000001/scan-000001.nxs in hot-disk;"
                + " it is kept at " + kept + ": disk full"), failed.error());
        assertTrue(Files.size(kept) > 2 * 32 * 24 * 2, "the complete file stays in staging");
        assertEquals(2, failed.framesWritten());
    }

    @Test
    void aFullQueueRefusesMoreScansAndStoppingFailsTheWaitingOnes() throws Exception {
        ScanQueue queue = queue(detector(20));
        ScanStatus running = queue.start(new ScanRequest("simulated-detector", 10_000, "running", ""));
        while (queue.status(running.id()).orElseThrow().state() != ScanState.RUNNING) {
            Thread.sleep(5);
        }
        List<ScanStatus> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiting.add(queue.start(new ScanRequest("simulated-detector", 1, "waiting " + i, "")));
        }

        ScanException full = assertThrows(ScanException.class,
                () -> queue.start(new ScanRequest("simulated-detector", 1, "one too many", "")));
        queue.shutdown(10, TimeUnit.SECONDS);
        this.queue = null;

        assertEquals("The scan queue is full (4 scans waiting); start this scan when one has finished",
                full.getMessage());
        assertEquals(ScanState.FAILED, queue.status(running.id()).orElseThrow().state());
        assertTrue(queue.status(running.id()).orElseThrow().error().orElseThrow()
                .startsWith("The scan service stopped after"));
        for (ScanStatus w : waiting) {
            assertEquals(Optional.of("The scan service stopped before the scan started"),
                    queue.status(w.id()).orElseThrow().error());
        }
        assertEquals(5, queue.recent().size());
        assertEquals(waiting.get(3).id(), queue.recent().get(0).id(), "recent() lists newest first");
    }

    private static List<String> listing(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
