/**
 * Storage backends (hot disk, tape, cloud) as plugins behind one SPI.
 * <p>
 * 1.0: {@link org.datastamp.storage.api.StorageBackend} (put/get/contains). 1.1 adds, without touching 1.0 types,
 * {@link org.datastamp.storage.api.ManagedBackend} (stat/list/delete) and
 * {@link org.datastamp.storage.api.RecallableBackend} (tiers with recall latency such as tape). 1.2 adds
 * {@link org.datastamp.storage.api.CapacityAware} (how full a tier is) and the lifecycle service
 * {@link org.datastamp.storage.api.StorageLifecycle} (policies, copies, recall of datasets).
 */
package org.datastamp.storage.api;
