package org.datastamp.core.api;

/**
 * A pluggable capability: a detector, a control-system connector, a storage tier, a visualizer, a DOI
 * provider, a catalogue. Every capability family's service interface extends this one, so the capability
 * registry can report plugins uniformly while they come and go at runtime.
 */
public interface Capability {

    /** Stable identifier, unique within its kind, e.g. {@code simulated-detector}. */
    String capabilityId();

    /** Human-readable name shown in the workbench and in the REST API. */
    String displayName();
}
