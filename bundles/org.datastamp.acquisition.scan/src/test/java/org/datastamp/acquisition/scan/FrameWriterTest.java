package org.datastamp.acquisition.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.datastamp.acquisition.api.ScanFile;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.junit.jupiter.api.Test;

class FrameWriterTest {

    /** A file whose flush acknowledges one frame fewer than appended, as a writer that lags on disk would. */
    private static final class LaggingFile implements ScanFile {
        int appended;

        @Override
        public void append(Frame frame) {
            appended++;
        }

        @Override
        public long flush() {
            return Math.max(0, appended - 1);
        }

        @Override
        public void finish(Instant end, List<MetadataEntry> endMetadata) {
        }

        @Override
        public List<Path> files() {
            return List.of();
        }

        @Override
        public void close() {
        }
    }

    private final List<Long> reported = new CopyOnWriteArrayList<>();

    private FrameWriter writer(FrameQueue queue, ScanFile file, int everyFrames, long everyMillis) {
        return new FrameWriter(queue, first -> file, new PipelineSettings(100, 1L << 30, WhenQueueFull.BLOCK,
                everyFrames, everyMillis, 1000, 0), new LiveTap(0, System::nanoTime), "d", reported::add);
    }

    @Test
    void framesWrittenIsWhatEachFlushAcknowledgesEveryNFramesAndAtTheEnd() throws IOException {
        FrameQueue queue = new FrameQueue(100, 1L << 30, WhenQueueFull.BLOCK);
        for (int i = 0; i < 7; i++) {
            queue.put(PipelineFakes.frame(i, FrameEncoding.RAW));
        }
        queue.close();

        writer(queue, new LaggingFile(), 3, 60_000).run();

        assertEquals(List.of(2L, 5L, 6L), reported, "flushes after frames 3, 6 and at the end, as acknowledged");
    }

    @Test
    void aQuietWriterFlushesAfterTheIntervalWithoutWaitingForMoreFrames() throws Exception {
        FrameQueue queue = new FrameQueue(100, 1L << 30, WhenQueueFull.BLOCK);
        LaggingFile file = new LaggingFile();
        Thread thread = new Thread(writer(queue, file, 1000, 50));
        thread.start();
        queue.put(PipelineFakes.frame(0, FrameEncoding.RAW));
        queue.put(PipelineFakes.frame(1, FrameEncoding.RAW));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reported.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        queue.close();
        thread.join(10_000);

        assertTrue(!reported.isEmpty() && reported.get(0) == 1L, "a timed flush while the input is open: " + reported);
    }

    @Test
    void aWriterErrorFailsTheQueueSoTheProducerStops() throws Exception {
        FrameQueue queue = new FrameQueue(100, 1L << 30, WhenQueueFull.BLOCK);
        queue.put(PipelineFakes.frame(0, FrameEncoding.RAW));
        FrameWriter writer = new FrameWriter(queue, first -> {
            throw new IOException("staging is read-only");
        }, PipelineSettings.DEFAULTS, new LiveTap(0, System::nanoTime), "d", reported::add);

        writer.run();

        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> queue.put(PipelineFakes.frame(1, FrameEncoding.RAW)));
        assertEquals("The scan's file writer failed after 0 frames: staging is read-only", e.getMessage());
        assertEquals("staging is read-only", writer.failure().getMessage());
    }
}
