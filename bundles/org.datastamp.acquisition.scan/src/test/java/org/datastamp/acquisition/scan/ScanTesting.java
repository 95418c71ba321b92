package org.datastamp.acquisition.scan;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;

/** Helpers shared by the scan tests. */
final class ScanTesting {

    private ScanTesting() {
    }

    static ScanSettings settings(Path dataDir, int deflateLevel) {
        return settings(dataDir, deflateLevel, PipelineSettings.DEFAULTS);
    }

    static ScanSettings settings(Path dataDir, int deflateLevel, PipelineSettings pipeline) {
        return new ScanSettings("SimBeamline", "hot-disk", dataDir.resolve("staging"),
                dataDir.resolve("acquisition/last-scan-number"), 4, 100, 64L << 20, deflateLevel, pipeline);
    }

    /** Waits for the scan to complete or fail; fails the test after {@code timeout}. */
    static ScanStatus awaitEnd(ScanQueue queue, ScanId id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ScanStatus s = queue.status(id).orElseThrow();
            if (s.state() == ScanState.COMPLETED || s.state() == ScanState.FAILED) {
                return s;
            }
            Thread.sleep(10);
        }
        return fail("Scan " + id + " did not end within " + timeout + ": " + queue.status(id));
    }
}
