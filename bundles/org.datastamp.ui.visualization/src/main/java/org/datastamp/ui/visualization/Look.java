package org.datastamp.ui.visualization;

import java.util.Objects;

import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.Scale;

/**
 * How the user wants images drawn: colormap, scale, binning, and contrast either from percentiles of what is shown
 * ({@code auto}) or between fixed limits.
 */
record Look(String colormap, Scale scale, Binning binning, boolean auto, double low, double high) {

    /** Auto contrast leaves out the outermost 0.1 % at each end, so a few hot pixels do not wash the image out. */
    static final double AUTO_LOW_PERCENTILE = 0.1;
    static final double AUTO_HIGH_PERCENTILE = 99.9;

    Look {
        Objects.requireNonNull(colormap, "colormap");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(binning, "binning");
        if (!auto && !(low < high)) {
            throw new IllegalArgumentException("The low contrast limit must be below the high one, got " + low
                    + " and " + high);
        }
    }

    static Look initial() {
        return new Look("viridis", Scale.LINEAR, Binning.MAX, true, 0, 1);
    }

    Look withColormap(String name) {
        return new Look(name, scale, binning, auto, low, high);
    }

    Look withScale(Scale s) {
        return new Look(colormap, s, binning, auto, low, high);
    }

    Look withBinning(Binning b) {
        return new Look(colormap, scale, b, auto, low, high);
    }

    Look withAuto() {
        return new Look(colormap, scale, binning, true, low, high);
    }

    Look withLimits(double lo, double hi) {
        return new Look(colormap, scale, binning, false, lo, hi);
    }
}
