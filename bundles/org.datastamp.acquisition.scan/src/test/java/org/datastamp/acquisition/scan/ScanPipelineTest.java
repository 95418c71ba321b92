package org.datastamp.acquisition.scan;

import static org.datastamp.acquisition.scan.ScanTesting.awaitEnd;
import static org.datastamp.acquisition.scan.ScanTesting.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.detector.api.FrameEncoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frame pipeline of a scan: queue, writer thread, flushes, failures, the live tap. */
class ScanPipelineTest {

    @TempDir
    Path dataDir;

    private final Fakes.Resources resources = new Fakes.Resources();
    private final PipelineFakes.ScriptedDetector detector = new PipelineFakes.ScriptedDetector();
    private final PipelineFakes.FakeWriter writer = new PipelineFakes.FakeWriter();
    private ScanQueue queue;

    private ScanStatus scan(PipelineSettings pipeline, int frames) throws Exception {
        resources.with(detector);
        queue = new ScanQueue(settings(dataDir, 0, pipeline), resources, Clock.systemUTC());
        ScanStatus started = queue.start(new ScanRequest("scripted", frames, "pipeline test", ""));
        return awaitEnd(queue, started.id(), Duration.ofSeconds(30));
    }

    private static PipelineSettings pipeline(int queueFrames, WhenQueueFull whenFull, int flushEveryFrames) {
        return new PipelineSettings(queueFrames, 1L << 30, whenFull, flushEveryFrames, 60_000, 1000, 0);
    }

    @AfterEach
    void stop() {
        if (queue != null) {
            queue.shutdown(10, TimeUnit.SECONDS);
        }
    }

    private Dataset dataset() {
        return resources.memoryCatalog().datasets.get(0);
    }

    private static Object value(Dataset d, String name) {
        return d.content().metadata().stream().filter(e -> e.name().equals(name)).map(MetadataEntry::value)
                .findFirst().orElse(null);
    }

    @Test
    void aFullQueueBlocksTheDetectorAndLosesNoFrame() throws Exception {
        resources.writer = writer;
        writer.holdAppends = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger handedOverWhileStuck = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread release = new Thread(() -> {
            PipelineFakes.await(writer.appending);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            handedOverWhileStuck.set(detector.delivered.get());
            writer.holdAppends.countDown();
        });
        release.start();

        ScanStatus done = scan(pipeline(2, WhenQueueFull.BLOCK, 5), 20);
        release.join();

        // The writer held frame 0 and the queue frames 1 and 2: frame 3 had to wait.
        assertEquals(3, handedOverWhileStuck.get(), "frames handed over while the writer was stuck");
        assertEquals(ScanState.COMPLETED, done.state(), done.error().orElse(""));
        assertEquals(LongStream.range(0, 20).boxed().toList(), writer.file().indices);
        assertEquals(20, done.framesWritten());
        assertEquals(0, done.framesDropped());
        assertEquals(0L, value(dataset(), "frames_dropped"));
        assertEquals(20L, value(dataset(), "frame_count"));
    }

    @Test
    void dropModeDropsExactlyTheFramesThatFindTheQueueFullAndRecordsHowMany() throws Exception {
        resources.writer = writer;
        writer.holdAppends = new CountDownLatch(1);
        // Frame 0 is in the writer's hands before frame 1 arrives; the writer stays stuck until the series ends.
        detector.beforeFrame = i -> {
            if (i == 1) {
                PipelineFakes.await(writer.appending);
            }
        };
        detector.afterSeries = () -> writer.holdAppends.countDown();

        ScanStatus done = scan(pipeline(3, WhenQueueFull.DROP, 100), 10);

        assertEquals(ScanState.COMPLETED, done.state(), done.error().orElse(""));
        assertEquals(List.of(0L, 1L, 2L, 3L), writer.file().indices, "frame 0 written, 1-3 queued, 4-9 dropped");
        assertEquals(6, done.framesDropped());
        assertEquals(4, done.framesWritten());
        assertEquals(6L, value(dataset(), "frames_dropped"));
        assertEquals(4L, value(dataset(), "frame_count"));
        assertTrue(writer.file().endMetadata.contains(new MetadataEntry("frames_dropped", 6L, "")),
                "the file records the drops too: " + writer.file().endMetadata);
    }

    @Test
    void aWriterFailureStopsTheDetectorAndFailsTheScanWithTheFlushedFramesAndWhereTheyAre() throws Exception {
        resources.writer = writer;
        writer.failAppendAt = 5;

        ScanStatus failed = scan(pipeline(4, WhenQueueFull.BLOCK, 2), 1000);

        PipelineFakes.FakeFile file = writer.file();
        assertEquals(ScanState.FAILED, failed.state());
        assertEquals(Optional.of("Could not write the scan's files: disk quota exceeded at frame 5; the 4 frames"
                + " written before are kept in " + file.master + ", " + file.data), failed.error());
        assertEquals(4, failed.framesWritten(), "frames acknowledged by the last flush");
        assertEquals(List.of(2L, 4L), file.flushes);
        assertTrue(detector.delivered.get() < 20, "the detector was stopped, delivered " + detector.delivered.get());
        assertTrue(file.closed, "files closed with what was flushed");
        assertFalse(file.finished);
        assertTrue(Files.exists(file.master), "the files stay in staging");
        assertTrue(resources.memoryCatalog().datasets.isEmpty());
        assertFalse(Files.exists(dataDir.resolve("staging/" + failed.id() + ".scan.json")), "journal removed");
    }

    @Test
    void aStreamingScanStoresEveryFileAndRecordsThem() throws Exception {
        resources.writer = writer;

        ScanStatus done = scan(PipelineSettings.DEFAULTS, 7);

        assertEquals(ScanState.COMPLETED, done.state(), done.error().orElse(""));
        PipelineFakes.FakeFile file = writer.file();
        assertTrue(file.finished);
        assertEquals(FrameEncoding.RAW, file.layout.encoding());
        assertEquals(PipelineFakes.TINY, file.layout.geometry());
        assertEquals(1000, file.layout.framesPerDataFile());
        assertEquals(List.of("scan-000001.nxs", "scan-000001_data_000001.h5"),
                dataset().content().files().stream().map(f -> f.path()).toList());
        assertEquals(7 * PipelineFakes.TINY.frameBytes(), dataset().content().files().get(1).size());
        assertTrue(resources.memoryStorage().objects.containsKey("raw/" + java.time.Year.now(java.time.ZoneOffset.UTC)
                + "/scan-000001/scan-000001_data_000001.h5"), resources.memoryStorage().objects.keySet().toString());
        try (var staged = Files.list(dataDir.resolve("staging"))) {
            assertEquals(List.of(), staged.toList(), "staging emptied, journal included");
        }
    }

    @Test
    void compressedFramesAreStoredAsTheyAreByTheStreamingWriter() throws Exception {
        resources.writer = writer;
        detector.encoding = FrameEncoding.BSLZ4;

        ScanStatus done = scan(PipelineSettings.DEFAULTS, 3);

        assertEquals(ScanState.COMPLETED, done.state(), done.error().orElse(""));
        assertEquals(FrameEncoding.BSLZ4, writer.file().layout.encoding());
        assertEquals(List.of(FrameEncoding.BSLZ4, FrameEncoding.BSLZ4, FrameEncoding.BSLZ4), writer.file().encodings);
    }

    @Test
    void theBuiltInJhdfWriterRefusesCompressedFramesWithAClearError() throws Exception {
        detector.encoding = FrameEncoding.LZ4;

        ScanStatus failed = scan(PipelineSettings.DEFAULTS, 3);

        assertEquals(Optional.of("Could not write the scan's files: Frame 0 is LZ4 compressed, but the built-in jhdf"
                + " writer stores only raw frames: install an HDF5 scan-file writer bundle, or set the detector to send"
                + " uncompressed frames; no frame had been written to disk"), failed.error());
        assertEquals(0, failed.framesWritten());
    }

    @Test
    void theWriterFeedsTheLiveTapWithTheScansFrames() throws Exception {
        resources.writer = writer;
        // A clock that advances a whole period per reading: every frame is kept, so the last one is what viewers see.
        java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
        resources.live = new LiveTap(1e9, ticks::incrementAndGet);

        scan(PipelineSettings.DEFAULTS, 5);

        assertEquals(4, resources.live.latest("scripted").orElseThrow().index());
    }
}
