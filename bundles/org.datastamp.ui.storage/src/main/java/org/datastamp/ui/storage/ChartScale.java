package org.datastamp.ui.storage;

/** Axis arithmetic of the planning chart, apart from drawing so it is tested on numbers. */
final class ChartScale {

    private ChartScale() {
    }

    /** The smallest of 1, 2 or 5 times a power of ten at or above {@code max}: a round top for the axis. */
    static double niceCeiling(double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            // a little slack against rounding in log10 and pow
            if (step * power >= max * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** {@code value} as pixels of a {@code height}-pixel axis from 0 to {@code top}, clamped to the axis. */
    static int pixels(double value, double top, int height) {
        if (!(top > 0) || !(value > 0)) {
            return 0;
        }
        return (int) Math.round(Math.min(1, value / top) * height);
    }

    /** Left edge of bar {@code i} of {@code count} bars spread over {@code width} pixels from {@code left}. */
    static int barLeft(int i, int count, int left, int width) {
        return left + (int) ((long) i * width / Math.max(1, count));
    }
}
