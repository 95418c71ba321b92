package org.datastamp.core.api;

/** Where a registered capability stands in its life; mirrors the OSGi bundle states that matter to admins. */
public enum CapabilityState {
    /** The service is registered and usable. */
    ACTIVE,
    /** The bundle is stopping; the service is about to leave. */
    STOPPING
}
