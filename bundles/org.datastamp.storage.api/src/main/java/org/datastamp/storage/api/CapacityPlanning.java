package org.datastamp.storage.api;

/**
 * Capacity and cost planning of the storage tiers: how full each tier is, how fast the catalogue grows, what keeping
 * the data costs and for how long the configured budget affords it. Added in package version 1.5; implemented by
 * the platform (consumers only call it), so adding to it is a minor change.
 */
public interface CapacityPlanning {

    /** A report computed now from the catalogue's copy records and ingest history and the tiers' capacities. */
    PlanningReport report() throws StorageException;
}
