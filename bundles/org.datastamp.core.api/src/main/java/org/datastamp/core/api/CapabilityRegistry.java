package org.datastamp.core.api;

import java.util.List;
import java.util.function.Consumer;

/** Tracks every capability service at runtime and reports it; follows bundles as they come and go. */
public interface CapabilityRegistry {

    /** A snapshot of all capabilities registered now, ordered by kind then id. */
    List<CapabilityInfo> capabilities();

    /**
     * Calls {@code listener} with a fresh snapshot whenever a capability arrives or leaves.
     *
     * @return a handle that stops the notifications when closed
     */
    AutoCloseable onChange(Consumer<List<CapabilityInfo>> listener);
}
