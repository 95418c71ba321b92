package org.datastamp.storage.api;

/**
 * How full a tier is, for policies such as "move to tape when the hot tier is above 85 % full".
 *
 * @param totalBytes size of the medium the tier writes to, positive
 * @param usedBytes  bytes in use on it (by anything, not only by this tier), between 0 and {@code totalBytes}
 */
public record Capacity(long totalBytes, long usedBytes) {

    public Capacity {
        if (totalBytes <= 0 || usedBytes < 0 || usedBytes > totalBytes) {
            throw new IllegalArgumentException("Capacity needs 0 <= used (" + usedBytes + ") <= total (" + totalBytes
                    + ") and a positive total");
        }
    }

    /** Used share in percent, 0 to 100. */
    public double percentUsed() {
        return 100.0 * usedBytes / totalBytes;
    }
}
