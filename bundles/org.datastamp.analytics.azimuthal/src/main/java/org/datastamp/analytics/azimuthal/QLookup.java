package org.datastamp.analytics.azimuthal;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;

import org.datastamp.visualization.api.NdArray;

/**
 * Each pixel's q bin and solid-angle weight, computed once per geometry, so integrating a frame is one pass that adds
 * each valid pixel's count into its bin: no trigonometry per frame. Bins are equally wide in q between the smallest
 * and largest q of the pixel centres not masked statically.
 *
 * <p>For pixel centre (x, y) at distance r from the beam centre on a flat detector normal to the beam at distance d:
 * 2θ = atan(r / d), q = 4π sin θ / λ. The solid angle a pixel subtends, relative to a pixel at the beam centre, is
 * cos³ 2θ; with the correction on, a bin's intensity is the sum of its counts divided by the sum of its pixels'
 * relative solid angles (counts per beam-centre-pixel-equivalent), otherwise by the number of its pixels (mean counts
 * per pixel). Frames may mark further pixels invalid (the unsigned type's largest value 2^n-1, negative values, NaN);
 * those leave both sums.
 */
final class QLookup {

    private final int pixels;
    private final int bins;
    /** Bin of each pixel, row-major; -1 for statically masked pixels. */
    private final int[] bin;
    /** Relative solid angle of each pixel; null when not corrected (weight 1). */
    private final float[] weight;
    private final double qMin;
    private final double qStep;

    private QLookup(int pixels, int bins, int[] bin, float[] weight, double qMin, double qStep) {
        this.pixels = pixels;
        this.bins = bins;
        this.bin = bin;
        this.weight = weight;
        this.qMin = qMin;
        this.qStep = qStep;
    }

    /**
     * @param mask       static mask (true = excluded), row-major; null for none
     * @param qPerMetre    factor from 1/m to the output unit
     * @param polarization polarisation factor along x, -1 to 1; NaN for no polarisation correction
     * @throws IllegalArgumentException if every pixel is masked
     */
    static QLookup build(Geometry g, int height, int width, boolean[] mask, int bins, double qPerMetre,
            boolean solidAngle, double polarization) {
        int n = Math.multiplyExact(height, width);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean polarized = !Double.isNaN(polarization);
        float[] weight = solidAngle || polarized ? new float[n] : null;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (mask == null || !mask[i]) {
                    double q = q(g, x, y, qPerMetre);
                    min = Math.min(min, q);
                    max = Math.max(max, q);
                }
                if (weight != null) {
                    double r2 = r2(g, x, y);
                    double d = g.distance();
                    double cos = d / Math.sqrt(d * d + r2);
                    double w = solidAngle ? cos * cos * cos : 1;
                    if (polarized && r2 > 0) {
                        // P = (1 + cos² 2θ - f cos 2χ sin² 2θ) / 2, χ from the x axis: cos 2χ = (dx² - dy²) / r²
                        double dx = (x + 0.5 - g.beamX()) * g.pixelX();
                        double dy = (y + 0.5 - g.beamY()) * g.pixelY();
                        double cos2chi = (dx * dx - dy * dy) / r2;
                        w *= 0.5 * (1 + cos * cos - polarization * cos2chi * (1 - cos * cos));
                    }
                    weight[i] = (float) w;
                }
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("every pixel is masked");
        }
        double step = max > min ? (max - min) / bins : Math.ulp(min) * bins;
        // q again rather than kept from the first pass: cheaper than a 4-byte-per-pixel array, and exact in double
        int[] bin = new int[n];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                bin[i] = mask != null && mask[i] ? -1
                        : Math.min(bins - 1, (int) ((q(g, x, y, qPerMetre) - min) / step));
            }
        }
        return new QLookup(n, bins, bin, weight, min, step);
    }

    /** Squared distance of pixel (x, y)'s centre from the beam centre, m². */
    private static double r2(Geometry g, int x, int y) {
        double dx = (x + 0.5 - g.beamX()) * g.pixelX();
        double dy = (y + 0.5 - g.beamY()) * g.pixelY();
        return dx * dx + dy * dy;
    }

    /**
     * q = 4π sin θ / λ without trigonometry: with s = √(d² + r²), cos 2θ = d/s and sin²θ = (1 - cos 2θ)/2 =
     * r²/(2s(s + d)), which keeps its precision near the beam where 1 - cos 2θ would cancel.
     */
    static double q(Geometry g, int x, int y, double qPerMetre) {
        double r2 = r2(g, x, y);
        double d = g.distance();
        double s = Math.sqrt(d * d + r2);
        return 4 * Math.PI / g.wavelength() * Math.sqrt(r2 / (2 * s * (s + d))) * qPerMetre;
    }

    int bins() {
        return bins;
    }

    /** Centre of each bin, in the output unit. */
    double[] centres() {
        double[] c = new double[bins];
        for (int b = 0; b < bins; b++) {
            c[b] = qMin + (b + 0.5) * qStep;
        }
        return c;
    }

    double qMin() {
        return qMin;
    }

    double qMax() {
        return qMin + bins * qStep;
    }

    /** The weight of pixel {@code i} (solid angle times polarisation), 1 without corrections. */
    double weight(int i) {
        return weight == null ? 1 : weight[i];
    }

    double binWidth() {
        return qStep;
    }

    /**
     * Adds one frame: the counts of its valid pixels into {@code sum}, their weights into {@code norm}.
     *
     * @throws IllegalArgumentException if the frame does not have this lookup's number of pixels
     */
    void accumulate(NdArray frame, double[] sum, double[] norm) {
        if (frame.size() != pixels) {
            throw new IllegalArgumentException("A frame of " + frame.size() + " pixels, the geometry has " + pixels);
        }
        ByteBuffer b = frame.data();
        switch (frame.type()) {
            case UINT32, INT32 -> ints(b.asIntBuffer(), frame.type().signed(), sum, norm);
            case UINT16, INT16 -> shorts(b.asShortBuffer(), frame.type().signed(), sum, norm);
            default -> any(frame, sum, norm);
        }
    }

    /** The hot loop for 32-bit detectors (EIGER, PILATUS): invalid is -1 (2^32-1 unsigned, or negative signed). */
    private void ints(IntBuffer data, boolean signed, double[] sum, double[] norm) {
        int[] bin = this.bin;
        float[] w = weight;
        for (int i = 0; i < pixels; i++) {
            int b = bin[i];
            int v = data.get(i);
            if (b < 0 || v == -1 || (signed && v < 0)) {
                continue;
            }
            sum[b] += signed ? v : v & 0xFFFF_FFFFL;
            norm[b] += w == null ? 1 : w[i];
        }
    }

    private void shorts(ShortBuffer data, boolean signed, double[] sum, double[] norm) {
        for (int i = 0; i < pixels; i++) {
            int b = bin[i];
            short v = data.get(i);
            if (b < 0 || v == -1 || (signed && v < 0)) {
                continue;
            }
            sum[b] += signed ? v : v & 0xFFFF;
            norm[b] += weight == null ? 1 : weight[i];
        }
    }

    /** Other types (8- and 64-bit integers, floats): rare for detectors, so one general loop. */
    private void any(NdArray frame, double[] sum, double[] norm) {
        double invalid = frame.type().hasInvalidMarker() ? Math.pow(2, 8.0 * frame.type().bytes()) - 1 : -1;
        for (int i = 0; i < pixels; i++) {
            int b = bin[i];
            double v = b < 0 ? -1 : Pixels.value(frame, i);
            if (b < 0 || !(v >= 0) || v == invalid || Double.isInfinite(v)) {
                continue;
            }
            sum[b] += v;
            norm[b] += weight == null ? 1 : weight[i];
        }
    }
}
