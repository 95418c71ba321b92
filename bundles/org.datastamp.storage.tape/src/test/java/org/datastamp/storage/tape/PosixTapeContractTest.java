package org.datastamp.storage.tape;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.testing.StorageBackendContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The POSIX tape tier passes the storage backend contract on a plain folder (where every file is resident). */
class PosixTapeContractTest extends StorageBackendContract {

    @TempDir
    Path root;

    private final ExecutorService recaller = Executors.newSingleThreadExecutor();

    @Override
    protected ManagedBackend createBackend() {
        return new PosixTapeBackend("tape", new TapeMount("tape", root, false,
                new RecallCommand("", Duration.ofMinutes(1)), recaller));
    }

    @AfterEach
    void stopRecaller() {
        recaller.shutdownNow();
    }
}
