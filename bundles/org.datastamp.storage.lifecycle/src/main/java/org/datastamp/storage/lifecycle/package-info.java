/**
 * The lifecycle engine: policies from configuration, copies written and verified before a source is released,
 * journaled in the catalogue ({@code StorageCopies}), recall of archived datasets, OCFL archival packages.
 * Exports nothing; other bundles use {@code org.datastamp.storage.api.StorageLifecycle}.
 */
package org.datastamp.storage.lifecycle;
