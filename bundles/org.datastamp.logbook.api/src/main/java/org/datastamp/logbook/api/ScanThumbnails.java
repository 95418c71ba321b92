package org.datastamp.logbook.api;

import java.util.Optional;

import org.datastamp.catalog.api.Viewer;

/**
 * The hook a visualization bundle implements to show a thumbnail per scan in the logbook's overview; the logbook
 * works without one. Registered as a service; the logbook uses the one with the highest ranking.
 */
public interface ScanThumbnails {

    /**
     * Address (URL path) of a small image of the scan's data, for REST clients that fetch it with their own
     * credentials; {@link ScanRow#thumbnail()} carries it. The workbench draws {@link #png} instead, since a browser
     * showing the workbench sends no REST credentials. The default has no address.
     */
    default Optional<String> thumbnail(String scanId, String datasetId) {
        return Optional.empty();
    }

    /**
     * A PNG of at most {@code size x size} pixels of the dataset's data as {@code viewer} may see it: empty when the
     * catalogue does not show the dataset to the viewer, when its files cannot be read now (a thumbnail never starts
     * a recall from tape), or when there is nothing to draw. The default draws nothing.
     *
     * @since 1.1
     */
    default Optional<byte[]> png(String datasetId, Viewer viewer, int size) {
        return Optional.empty();
    }
}
