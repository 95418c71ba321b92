/**
 * The catalogue: the facility's data model (facility, instruments, proposals, sessions, people, samples, datasets with
 * files, typed scientific metadata with units, attachments, publications, minted DOIs, provenance), the access rule
 * ({@link org.datastamp.catalog.api.Viewer}), search ({@link org.datastamp.catalog.api.DatasetSearch}) and unit
 * conversion ({@link org.datastamp.catalog.api.UnitConverter}).
 */
package org.datastamp.catalog.api;
