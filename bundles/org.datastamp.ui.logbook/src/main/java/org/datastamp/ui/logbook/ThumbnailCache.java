package org.datastamp.ui.logbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.datastamp.logbook.api.ScanRow;

/**
 * The thumbnails one browser session's overview has fetched: PNG bytes (or "none") per dataset, each asked for once.
 * Used on the UI thread only; the fetching happens on the view's background thread and reports back here.
 */
final class ThumbnailCache {

    /** Side of a thumbnail in the overview, in pixels. */
    static final int PIXELS = 40;
    /** Datasets remembered per session (a 40x40 PNG is a few KB); the least recently used goes first. */
    static final int MAX_ENTRIES = 1000;

    private final Map<String, Optional<byte[]>> known = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<byte[]>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final Set<String> pending = new HashSet<>();

    /** The datasets of these rows not known nor being fetched; they count as being fetched from now on. */
    List<String> toFetch(List<ScanRow> shown) {
        List<String> fetch = new ArrayList<>();
        for (ScanRow row : shown) {
            String id = row.datasetId();
            if (!id.isEmpty() && !known.containsKey(id) && pending.add(id)) {
                fetch.add(id);
            }
        }
        return fetch;
    }

    /** The answer for a dataset, empty when it has none. */
    void arrived(String datasetId, Optional<byte[]> png) {
        pending.remove(datasetId);
        known.put(datasetId, png);
    }

    /** A fetch that did not happen (the view is closing): the dataset may be asked for again. */
    void abandoned(List<String> datasetIds) {
        datasetIds.forEach(pending::remove);
    }

    Optional<byte[]> png(String datasetId) {
        Optional<byte[]> png = known.get(datasetId);
        return png == null ? Optional.empty() : png;
    }

    /** Forgets the datasets that had no thumbnail, so they are asked for again (e.g. recalled from tape since). */
    void retryMissing() {
        known.values().removeIf(Optional::isEmpty);
    }
}
