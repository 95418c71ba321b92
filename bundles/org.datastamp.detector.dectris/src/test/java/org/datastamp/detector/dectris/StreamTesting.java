package org.datastamp.detector.dectris;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.detector.dectris.simulator.PixelPattern;

/** Shared set-up of the receiver tests: a receiver on a loopback endpoint, a sender thread, pattern checks. */
final class StreamTesting {

    static final FrameGeometry DEFAULT = new FrameGeometry(8, 8, PixelType.UINT16);

    private StreamTesting() {
    }

    static DectrisStreamDetector receiver(String endpoint, ProtocolVersion version, long timeoutMillis) {
        return new DectrisStreamDetector(new DectrisStreamSettings(endpoint, "dectris-test", "Test EIGER", version,
                timeoutMillis, DEFAULT, "", 1000));
    }

    /** Runs {@code sender} on its own thread; get() the result to see its failure. */
    static <T> Future<T> inBackground(Callable<T> sender) {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Future<T> f = executor.submit(sender);
        executor.shutdown();
        return f;
    }

    /** Frames collected as they arrive. */
    static final class Collected {
        final List<Frame> frames = new ArrayList<>();

        void accept(Frame f) {
            frames.add(f);
        }

        List<Long> indices() {
            return frames.stream().map(Frame::index).toList();
        }
    }

    static void assertPattern(Frame frame, int bits) throws IOException {
        FrameGeometry g = frame.geometry();
        assertArrayEquals(PixelPattern.render(frame.index(), g.width(), g.height(), bits), ChunkDecoding.raw(frame),
                "frame " + frame.index() + " (" + frame.encoding() + ") decodes to the simulator's pattern");
    }
}
