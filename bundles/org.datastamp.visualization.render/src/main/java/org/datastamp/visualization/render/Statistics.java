package org.datastamp.visualization.render;

import java.util.Arrays;

import org.datastamp.visualization.api.Histogram;
import org.datastamp.visualization.api.Plane;
import org.datastamp.visualization.api.Scale;

/** Percentiles and histograms of a plane's valid (non-NaN) values. */
final class Statistics {

    private Statistics() {
    }

    /** Values at the given percentiles (nearest rank); {0, 1, ...} if the plane has no valid value. */
    static double[] percentiles(Plane plane, double... percentiles) {
        float[] valid = valid(plane.values());
        double[] out = new double[percentiles.length];
        if (valid.length == 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = i;
            }
            return out;
        }
        Arrays.sort(valid);
        for (int i = 0; i < percentiles.length; i++) {
            double p = Math.max(0, Math.min(100, percentiles[i]));
            int rank = (int) Math.round(p / 100 * (valid.length - 1));
            out[i] = valid[rank];
        }
        return out;
    }

    static Histogram histogram(Plane plane, int bins, Scale scale) {
        int n = Math.max(1, Math.min(bins, 4096));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long masked = 0;
        float[] values = plane.values();
        for (float v : values) {
            double t = Float.isNaN(v) ? Double.NaN : Painter.transform(v, scale);
            if (Double.isNaN(t) || Double.isInfinite(t)) {
                masked++;
                continue;
            }
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        long[] counts = new long[n];
        if (min > max) {
            return new Histogram(scale, 0, 0, counts, masked);
        }
        double width = max > min ? (max - min) / n : 1;
        for (float v : values) {
            double t = Float.isNaN(v) ? Double.NaN : Painter.transform(v, scale);
            if (Double.isNaN(t) || Double.isInfinite(t)) {
                continue;
            }
            counts[Math.min(n - 1, (int) ((t - min) / width))]++;
        }
        return new Histogram(scale, min, max, counts, masked);
    }

    private static float[] valid(float[] values) {
        float[] out = new float[values.length];
        int n = 0;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
