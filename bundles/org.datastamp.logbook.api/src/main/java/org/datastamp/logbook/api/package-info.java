/**
 * The electronic logbook of a beamtime session: the scans overview filled from acquisition, notes and comments in
 * Markdown (versioned, rendered safely), images, ratings and tags, and the export of a session's logbook. Version 1.1 added
 * thumbnails as PNG bytes ({@code ScanThumbnails.png}), drawn by the server for the viewer.
 */
package org.datastamp.logbook.api;
