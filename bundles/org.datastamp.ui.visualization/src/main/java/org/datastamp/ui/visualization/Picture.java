package org.datastamp.ui.visualization;

import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.Histogram;
import org.datastamp.visualization.api.ImageStyle;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.Plane;

/**
 * One rendered image of a region: the PNG at screen size, how screen pixels map to source pixels, the contrast
 * limits used, and the histogram of what is shown.
 */
record Picture(byte[] png, int width, int height, Screen screen, double low, double high, Histogram histogram) {

    static final int HISTOGRAM_BINS = 64;

    /**
     * Renders {@code pixels} (the region's source pixels, 2-D) into a {@code viewportWidth x viewportHeight} screen
     * area: binned down when larger, magnified by whole pixels when smaller (zoomed in beyond one to one).
     */
    static Picture render(ArrayRenderer renderer, NdArray pixels, Region region, int viewportWidth,
            int viewportHeight, Look look) throws BadDataRequestException {
        return render(renderer, renderer.plane(pixels, viewportWidth, viewportHeight, look.binning()), region,
                viewportWidth, viewportHeight, look);
    }

    /** The picture of a plane already fitted to the viewport (a live frame binned while decoded). */
    static Picture render(ArrayRenderer renderer, Plane plane, Region region, int viewportWidth, int viewportHeight,
            Look look) throws BadDataRequestException {
        double[] limits = look.auto()
                ? renderer.percentiles(plane, Look.AUTO_LOW_PERCENTILE, Look.AUTO_HIGH_PERCENTILE)
                : new double[] {look.low(), look.high()};
        if (!(limits[0] < limits[1])) {
            // A flat (or fully masked) image: any colour will do, but the style needs an interval.
            double base = Double.isNaN(limits[0]) ? 0 : limits[0];
            limits = new double[] {base, base + 1};
        }
        int magnify = plane.binX() == 1 ? Screen.magnification(region, viewportWidth, viewportHeight) : 1;
        Plane shown = magnify == 1 ? plane : magnified(plane, magnify);
        byte[] png = renderer.png(shown, new ImageStyle(look.colormap(), look.scale(), limits[0], limits[1]));
        return new Picture(png, shown.width(), shown.height(), new Screen(region, plane.binX(), magnify), limits[0],
                limits[1], renderer.histogram(plane, HISTOGRAM_BINS, look.scale()));
    }

    /** Each value repeated as a {@code k x k} block: the browser shows exact pixels, not a blurred upscale. */
    static Plane magnified(Plane plane, int k) {
        int w = plane.width() * k;
        int h = plane.height() * k;
        float[] in = plane.values();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            int src = (y / k) * plane.width();
            for (int x = 0; x < w; x++) {
                out[y * w + x] = in[src + x / k];
            }
        }
        return new Plane(w, h, out, 1, 1, plane.sourceType());
    }
}
