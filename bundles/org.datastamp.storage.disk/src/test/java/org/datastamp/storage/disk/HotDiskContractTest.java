package org.datastamp.storage.disk;

import java.nio.file.Path;

import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.testing.StorageBackendContract;
import org.junit.jupiter.api.io.TempDir;

/** The hot-disk tier passes the storage backend contract. */
class HotDiskContractTest extends StorageBackendContract {

    @TempDir
    Path root;

    @Override
    protected ManagedBackend createBackend() {
        return new HotDiskStorage(new DiskStore("hot-disk", root, false));
    }
}
