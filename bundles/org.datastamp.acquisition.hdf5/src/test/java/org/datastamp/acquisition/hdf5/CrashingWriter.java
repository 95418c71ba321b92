package org.datastamp.acquisition.hdf5;

import java.nio.file.Path;
import java.util.List;

import org.datastamp.acquisition.api.ScanFile;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;

/**
 * Run in a separate JVM by {@link CrashRecoveryTest}: writes LZ4 frames without end, flushing every few frames and
 * printing {@code flushed <n>} after each flush returns, until the test kills it.
 */
public final class CrashingWriter {

    static final FrameGeometry G = new FrameGeometry(48, 32, PixelType.UINT32);
    static final int PER_FILE = 7;
    static final int FLUSH_EVERY = 3;

    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        // early writeback after every frame: the kernel writes pages mid-interval, acknowledged frames must still hold
        ScanFile scan = TestFrames.writer("none", 1)
                .create(TestFrames.layout(dir, "crash", G, FrameEncoding.LZ4, PER_FILE, "NXmx", List.of()));
        for (long i = 0; ; i++) {
            scan.append(TestFrames.frame(i, G, FrameEncoding.LZ4, TestFrames.lz4Chunk(TestFrames.raw(i, G))));
            if ((i + 1) % FLUSH_EVERY == 0) {
                System.out.println("flushed " + scan.flush());
                System.out.flush();
            }
        }
    }
}
