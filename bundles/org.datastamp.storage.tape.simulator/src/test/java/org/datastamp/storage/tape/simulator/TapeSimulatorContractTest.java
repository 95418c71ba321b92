package org.datastamp.storage.tape.simulator;

import java.nio.file.Path;
import java.time.Duration;

import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.testing.StorageBackendContract;
import org.junit.jupiter.api.io.TempDir;

/** The tape-library simulator passes the storage backend contract, reading through recalls on a test clock. */
class TapeSimulatorContractTest extends StorageBackendContract {

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock();

    @Override
    protected ManagedBackend createBackend() throws Exception {
        TapeLibrary.Settings settings = new TapeLibrary.Settings(LibraryModel.LTO8,
                RecallScheduler.Strategy.BY_CARTRIDGE, 0.001, 3600);
        return new TapeSimulatorBackend("tape-sim", new TapeLibrary("tape-sim", root, settings, clock));
    }

    @Override
    protected void letTimePass() {
        clock.advance(Duration.ofMillis(10)); // 10 simulated seconds
    }
}
