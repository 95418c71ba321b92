package org.datastamp.acquisition.scan;

import java.util.Locale;

/** What the detector's frame consumer does when the queue to the writer is full. */
enum WhenQueueFull {
    /** Wait for the writer: the detector's receiver slows down (backpressure); no frame is lost here. */
    BLOCK,
    /** Drop the arriving frame, count it and record the count with the scan. */
    DROP;

    /** Parses a configuration value, {@code block} or {@code drop} in any case. */
    static WhenQueueFull parse(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (WhenQueueFull w : values()) {
            if (w.name().equals(v)) {
                return w;
            }
        }
        throw new IllegalArgumentException("whenQueueFull must be 'block' or 'drop', got '" + value + "'");
    }
}
