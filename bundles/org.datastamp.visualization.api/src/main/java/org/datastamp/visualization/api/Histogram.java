package org.datastamp.visualization.api;

/**
 * Counts of valid values in equal bins between {@code min} and {@code max} (equal in the scale's space: for a log
 * scale the bin edges are spaced evenly in log10).
 *
 * @param scale  space the bins are equal in
 * @param min    lower edge of the first bin
 * @param max    upper edge of the last bin
 * @param counts values per bin
 * @param masked values left out as invalid (or not positive, for a log scale)
 */
public record Histogram(Scale scale, double min, double max, long[] counts, long masked) {

    public Histogram {
        counts = counts.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }
}
