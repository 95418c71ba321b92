/**
 * The electronic logbook of a beamtime session: the scans overview filled from acquisition, notes and comments in
 * Markdown (versioned, rendered safely), images, ratings and tags, and the export of a session's logbook.
 */
package org.datastamp.logbook.api;
