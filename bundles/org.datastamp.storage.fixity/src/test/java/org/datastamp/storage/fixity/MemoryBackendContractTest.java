package org.datastamp.storage.fixity;

import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.StorageTier;
import org.datastamp.storage.testing.MemoryBackend;
import org.datastamp.storage.testing.StorageBackendContract;

/** The memory tier the fixity tests use behaves like a real tier. */
class MemoryBackendContractTest extends StorageBackendContract {

    @Override
    protected ManagedBackend createBackend() {
        return new MemoryBackend("memory", StorageTier.HOT_DISK);
    }
}
