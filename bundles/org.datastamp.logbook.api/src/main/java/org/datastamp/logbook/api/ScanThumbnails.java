package org.datastamp.logbook.api;

import java.util.Optional;

/**
 * The hook a visualization bundle implements to show a thumbnail per scan in the logbook's overview; the logbook
 * works without one. Registered as a service; the logbook uses the one with the highest ranking.
 */
public interface ScanThumbnails {

    /** Address (URL path) of a small image of the scan's data, if this service can make one. */
    Optional<String> thumbnail(String scanId, String datasetId);
}
