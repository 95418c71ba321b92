package org.datastamp.detector.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.datastamp.detector.api.AcquisitionSummary;
import org.datastamp.detector.api.DetectorException;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.junit.jupiter.api.Test;

class SimulatedDetectorTest {

    private static final FrameGeometry SMALL = new FrameGeometry(32, 24, PixelType.UINT16);

    @Test
    void framesCarryTheDocumentedRampAndMovingSpotLittleEndian() throws Exception {
        SimulatedDetector detector = new SimulatedDetector(new SimulatedDetectorSettings(SMALL, 0));
        List<Frame> frames = new ArrayList<>();

        AcquisitionSummary summary = detector.acquire(3, frames::add);

        assertEquals(new AcquisitionSummary(3, 0), summary);
        assertEquals(List.of(0L, 1L, 2L), frames.stream().map(Frame::index).toList());
        Frame second = frames.get(1);
        assertEquals(ByteOrder.LITTLE_ENDIAN, second.pixels().order());
        // Away from the spot (centre 7,5 in frame 1): ramp (x + 2y + 3f) mod 200.
        assertEquals((20 + 2 * 20 + 3) % 200, second.pixels().getShort((20 + 20 * 32) * 2));
        // Spot centre of frame 1, and the edge of its radius.
        assertEquals(10_000, second.pixels().getShort((7 + 5 * 32) * 2));
        assertEquals(10_000, second.pixels().getShort((7 + 4 + 5 * 32) * 2));
        assertEquals((7 + 5 + 10 + 3) % 200, second.pixels().getShort((7 + 5 + 5 * 32) * 2));
    }

    @Test
    void everyPixelTypeEncodesThePatternValue() throws Exception {
        int x = 3;
        int y = 2;
        for (PixelType type : PixelType.values()) {
            FrameGeometry g = new FrameGeometry(16, 16, type);
            var pixels = SimulatedPattern.render(4, g);
            int offset = (x + y * 16) * type.bytes();
            double read = switch (type) {
                case UINT8 -> Byte.toUnsignedInt(pixels.get(offset));
                case UINT16 -> Short.toUnsignedInt(pixels.getShort(offset));
                case UINT32, INT32 -> pixels.getInt(offset);
                case FLOAT32 -> pixels.getFloat(offset);
            };
            assertEquals((x + 2 * y + 3 * 4) % 200, read, type.toString());
        }
        assertEquals(255, Byte.toUnsignedInt(SimulatedPattern.render(0, new FrameGeometry(8, 8, PixelType.UINT8)).get(0)),
                "the spot saturates a UINT8 pixel");
    }

    @Test
    void framesArePacedAtTheConfiguredRate() throws Exception {
        SimulatedDetector detector = new SimulatedDetector(new SimulatedDetectorSettings(SMALL, 100));
        long start = System.nanoTime();

        detector.acquire(21, frame -> { });

        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMs >= 195, "21 frames at 100 Hz span 200 ms, took " + elapsedMs + " ms");
    }

    @Test
    void interruptingTheCallerAbortsTheSeries() throws Exception {
        SimulatedDetector detector = new SimulatedDetector(new SimulatedDetectorSettings(SMALL, 50));
        CountDownLatch firstFrame = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread acquiring = new Thread(() -> {
            try {
                detector.acquire(1_000, frame -> firstFrame.countDown());
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        acquiring.start();
        assertTrue(firstFrame.await(5, TimeUnit.SECONDS));

        acquiring.interrupt();
        acquiring.join(5_000);

        assertTrue(!acquiring.isAlive(), "the series must end promptly after an interrupt");
        assertTrue(outcome.get() instanceof InterruptedException, "got " + outcome.get());
    }

    @Test
    void aConsumerFailureStopsTheSeriesNamingTheFrame() {
        SimulatedDetector detector = new SimulatedDetector(new SimulatedDetectorSettings(SMALL, 0));

        DetectorException e = assertThrows(DetectorException.class, () -> detector.acquire(5, frame -> {
            if (frame.index() == 2) {
                throw new IOException("disk full");
            }
        }));

        assertEquals("Simulated detector: the consumer failed at frame 2 of 5: disk full", e.getMessage());
    }

    @Test
    void aDeactivatedDetectorFailsTheRunningSeries() {
        SimulatedDetector detector = new SimulatedDetector(new SimulatedDetectorSettings(SMALL, 0));

        DetectorException e = assertThrows(DetectorException.class, () -> detector.acquire(5, frame -> {
            if (frame.index() == 1) {
                detector.deactivate();
            }
        }));

        assertTrue(e.getMessage().startsWith("Simulated detector stopped at frame 2 of 5"), e.getMessage());
    }

    @Test
    void negativeOrNaNFrameRateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SimulatedDetectorSettings(SMALL, -1));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedDetectorSettings(SMALL, Double.NaN));
    }
}
