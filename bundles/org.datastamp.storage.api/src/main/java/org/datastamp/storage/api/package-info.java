/**
 * Storage backends (hot disk, tape, cloud) as plugins behind one SPI.
 * <p>
 * 1.0: {@link org.datastamp.storage.api.StorageBackend} (put/get/contains). 1.1 adds, without touching 1.0 types,
 * {@link org.datastamp.storage.api.ManagedBackend} (stat/list/delete) and
 * {@link org.datastamp.storage.api.RecallableBackend} (tiers with recall latency such as tape). 1.2 adds fixity:
 * {@link org.datastamp.storage.api.FixityService} (checksums at ingest, audits, repair, audit log) and
 * {@link org.datastamp.storage.api.ExpectedCopies}, where the expected copies and checksums of each object come from;
 * {@link org.datastamp.storage.api.LocalFileBackend} (tiers whose objects can be read in place);
 * {@link org.datastamp.storage.api.CapacityAware} (how full a tier is) and the lifecycle service
 * {@link org.datastamp.storage.api.StorageLifecycle} (policies, copies, recall of datasets). 1.4 adds
 * {@link org.datastamp.storage.api.ArchivalPreparation}, which other bundles implement to add to a dataset's
 * catalogue record before it is archived. 1.5 adds planning: {@link org.datastamp.storage.api.CapacityPlanning}
 * ({@link org.datastamp.storage.api.PlanningReport} of capacity, growth, cost and the preservation period the
 * budget affords), and {@link org.datastamp.storage.api.StorageLifecycle#recentRecalls(int)} for admin pages.
 */
package org.datastamp.storage.api;
