package org.datastamp.acquisition.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanStatus;

/** The status of recent scans, newest first; the oldest are forgotten beyond a fixed number. Thread-safe. */
final class ScanBook {

    private final Map<ScanId, ScanStatus> statuses;

    ScanBook(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The scan service must remember at least 1 scan, got " + capacity);
        }
        this.statuses = new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<ScanId, ScanStatus> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(ScanStatus status) {
        statuses.put(status.id(), status);
    }

    synchronized void forget(ScanId id) {
        statuses.remove(id);
    }

    synchronized Optional<ScanStatus> get(ScanId id) {
        return Optional.ofNullable(statuses.get(id));
    }

    synchronized List<ScanStatus> recent() {
        List<ScanStatus> newestFirst = new ArrayList<>(statuses.values());
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
