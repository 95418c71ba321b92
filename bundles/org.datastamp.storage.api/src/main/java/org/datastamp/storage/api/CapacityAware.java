package org.datastamp.storage.api;

/**
 * A tier that can tell how full its medium is. Added in package version 1.2 as a separate interface, so backends
 * that cannot tell (an S3 bucket has no size) need not pretend; the lifecycle engine looks for it with
 * {@code instanceof}.
 */
public interface CapacityAware extends StorageBackend {

    /** Current capacity and use of the tier's medium. */
    Capacity capacity() throws StorageException;
}
