package org.datastamp.logbook.api;

/**
 * Which scans of the overview to show; empty fields do not filter.
 *
 * @param text     words found in the scan id, title, sample, type, a key value or a comment (case-insensitive)
 * @param tag      a tag the scan has
 * @param minStars the least mean rating, 0 for any
 * @param status   QUEUED, RUNNING, COMPLETED or FAILED
 */
public record ScanFilter(String text, String tag, int minStars, String status) {

    public ScanFilter {
        text = text == null ? "" : text.strip();
        tag = tag == null ? "" : tag.strip().toLowerCase(java.util.Locale.ROOT);
        status = status == null ? "" : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (minStars < 0 || minStars > 5) {
            throw new IllegalArgumentException("minStars must be 0 to 5, got " + minStars);
        }
    }

    /** Every scan. */
    public static ScanFilter all() {
        return new ScanFilter("", "", 0, "");
    }
}
