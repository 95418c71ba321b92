package org.datastamp.detector.dectris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.datastamp.detector.api.AcquisitionSummary;
import org.datastamp.detector.api.DetectorException;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.detector.dectris.simulator.Compression;
import org.datastamp.detector.dectris.simulator.SimulatorSettings;
import org.datastamp.detector.dectris.simulator.StreamSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The receiver against the simulator over TCP loopback, both stream versions, every compression. */
class StreamProtocolTest {

    @ParameterizedTest(name = "stream v{0}, {1}, {2}-bit, header detail {3}")
    @CsvSource({
            "1, NONE, 16, basic", "1, LZ4, 32, basic", "1, BSLZ4, 32, all", "1, BSLZ4, 16, none", "1, BSLZ4, 8, basic",
            "2, NONE, 8, basic", "2, LZ4, 16, basic", "2, BSLZ4, 32, basic", "2, BSLZ4, 16, basic"})
    void everyFrameArrivesInOrderAndDecodesToThePattern(int version, Compression compression, int bits, String detail)
            throws Exception {
        try (StreamSimulator simulator = new StreamSimulator("tcp://127.0.0.1:*")) {
            SimulatorSettings series = new SimulatorSettings(version, 101, 37, bits, compression, 20, 0,
                    simulator.endpoint(), 7, detail);
            DectrisStreamDetector detector = StreamTesting.receiver(simulator.endpoint(), ProtocolVersion.AUTO, 5000);
            Future<?> sent = StreamTesting.inBackground(() -> {
                simulator.sendSeries(series);
                return null;
            });
            StreamTesting.Collected got = new StreamTesting.Collected();

            SeriesReport report = detector.receiveSeries(20, got::accept);
            sent.get(10, TimeUnit.SECONDS);
            detector.close();

            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L,
                    19L), got.indices());
            assertEquals(0, report.dropped());
            assertEquals(0, report.rejectedTotal(), "rejected: " + report.rejected());
            assertTrue(report.endReceived());
            assertEquals(7, report.seriesId());
            FrameEncoding expected = switch (compression) {
                case NONE -> FrameEncoding.RAW;
                case LZ4 -> FrameEncoding.LZ4;
                case BSLZ4 -> FrameEncoding.BSLZ4;
            };
            PixelType type = bits == 8 ? PixelType.UINT8 : bits == 16 ? PixelType.UINT16 : PixelType.UINT32;
            for (Frame f : got.frames) {
                assertEquals(expected, f.encoding());
                assertEquals(new FrameGeometry(101, 37, type), f.geometry());
                StreamTesting.assertPattern(f, bits);
            }
            assertEquals(new FrameGeometry(101, 37, type), detector.geometry(), "geometry follows the series");
        }
    }

    @Test
    void aSeriesEndedEarlyByTheDetectorReturnsWhatArrivedWithTheShortfallCounted() throws Exception {
        try (StreamSimulator simulator = new StreamSimulator("tcp://127.0.0.1:*")) {
            SimulatorSettings threeFrames = SimulatorSettings.of(2, 16, 16, 16, Compression.BSLZ4, 3,
                    simulator.endpoint());
            DectrisStreamDetector detector = StreamTesting.receiver(simulator.endpoint(), ProtocolVersion.V2, 5000);
            StreamTesting.inBackground(() -> {
                simulator.sendSeries(threeFrames);
                return null;
            });
            StreamTesting.Collected got = new StreamTesting.Collected();

            AcquisitionSummary summary = detector.acquire(5, got::accept);
            detector.close();

            assertEquals(new AcquisitionSummary(3, 2), summary);
            assertEquals(List.of(0L, 1L, 2L), got.indices());
        }
    }

    @Test
    void noSeriesWithinTheTimeoutFailsNamingTheDetector() throws Exception {
        try (StreamSimulator silent = new StreamSimulator("tcp://127.0.0.1:*")) {
            DectrisStreamDetector detector = StreamTesting.receiver(silent.endpoint(), ProtocolVersion.AUTO, 300);

            DetectorException e = assertThrows(DetectorException.class, () -> detector.acquire(1, f -> { }));
            detector.close();

            assertTrue(e.getMessage().contains("dectris-test") && e.getMessage().contains("no series started"),
                    e.getMessage());
        }
    }

    @Test
    void aConsumerFailureStopsTheSeriesAndIsReported() throws Exception {
        try (StreamSimulator simulator = new StreamSimulator("tcp://127.0.0.1:*")) {
            SimulatorSettings series = SimulatorSettings.of(1, 16, 16, 32, Compression.NONE, 3, simulator.endpoint());
            DectrisStreamDetector detector = StreamTesting.receiver(simulator.endpoint(), ProtocolVersion.V1, 5000);
            StreamTesting.inBackground(() -> {
                simulator.sendSeries(series);
                return null;
            });

            DetectorException e = assertThrows(DetectorException.class, () -> detector.acquire(3, f -> {
                throw new java.io.IOException("disk full");
            }));
            detector.close();

            assertTrue(e.getMessage().contains("frame 0") && e.getMessage().contains("disk full"), e.getMessage());
        }
    }
}
