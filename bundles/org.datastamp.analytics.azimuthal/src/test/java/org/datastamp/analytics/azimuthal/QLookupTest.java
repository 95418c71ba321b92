package org.datastamp.analytics.azimuthal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import org.datastamp.analytics.api.ProcessingException;
import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.NdArray;
import org.junit.jupiter.api.Test;

/** Each pixel type's invalid values leave the sums; everything else is counted once, in its bin. */
class QLookupTest {

    /** 2 x 2 pixels around the beam centre: all at the same q, so one bin holds them all. */
    private static final QLookup LOOKUP = QLookup.build(new Geometry(1, 1e-10, 1, 1, 1e-4, 1e-4), 2, 2, null, 1,
            1e-9, false, Double.NaN);

    private static double[][] integrate(ElementType type, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (type) {
                case UINT8, INT8 -> b.put((byte) (long) v);
                case UINT16, INT16 -> b.putShort((short) (long) v);
                case UINT32, INT32 -> b.putInt((int) (long) v);
                case UINT64, INT64 -> b.putLong((long) v);
                case FLOAT32 -> b.putFloat((float) v);
                case FLOAT64 -> b.putDouble(v);
            }
        }
        double[] sum = new double[1];
        double[] norm = new double[1];
        LOOKUP.accumulate(new NdArray(new int[] {2, 2}, type, b), sum, norm);
        return new double[][] {sum, norm};
    }

    @Test
    void unsignedTypesDropTheirLargestValue() {
        assertArrayEquals(new double[][] {{7}, {3}}, integrate(ElementType.UINT8, 1, 2, 4, 255));
        assertArrayEquals(new double[][] {{65534 + 3}, {3}}, integrate(ElementType.UINT16, 1, 2, 65534, 65535));
        assertArrayEquals(new double[][] {{4294967294.0 + 1}, {2}},
                integrate(ElementType.UINT32, 1, 4294967294.0, 4294967295.0, 4294967295.0));
        assertArrayEquals(new double[][] {{3}, {2}}, integrate(ElementType.UINT64, 1, 2, -1, -1));
    }

    @Test
    void signedAndFloatTypesDropNegativesAndNotANumber() {
        assertArrayEquals(new double[][] {{5}, {2}}, integrate(ElementType.INT16, 2, 3, -1, -5));
        assertArrayEquals(new double[][] {{5}, {2}}, integrate(ElementType.INT32, 2, 3, -1, -5));
        assertArrayEquals(new double[][] {{1.5}, {2}},
                integrate(ElementType.FLOAT32, 0.5, 1, Double.NaN, -2));
        assertArrayEquals(new double[][] {{0.5}, {1}},
                integrate(ElementType.FLOAT64, 0.5, Double.POSITIVE_INFINITY, Double.NaN, -2));
    }

    @Test
    void polarisationWeighsPixelsAlongXByCosSquaredTwoTheta() throws Exception {
        // beam at the centre of pixel (10, 10); pixel (15, 10) lies on the x axis, (10, 15) on the y axis, 5 mm away
        Geometry g = new Geometry(0.1, 1e-10, 10.5, 10.5, 1e-3, 1e-3);
        double cos = 0.1 / Math.hypot(0.1, 5e-3);
        QLookup full = QLookup.build(g, 20, 20, null, 10, 1e-9, false, 1.0);
        assertEquals(cos * cos, full.weight(10 * 20 + 15), 1e-6, "in the plane of polarisation");
        assertEquals(1, full.weight(15 * 20 + 10), 1e-6, "perpendicular to it");
        QLookup none = QLookup.build(g, 20, 20, null, 10, 1e-9, false, 0.0);
        assertEquals((1 + cos * cos) / 2, none.weight(10 * 20 + 15), 1e-6, "unpolarised: (1 + cos² 2θ) / 2");
        assertEquals((1 + cos * cos) / 2, none.weight(15 * 20 + 10), 1e-6);
        QLookup both = QLookup.build(g, 20, 20, null, 10, 1e-9, true, 1.0);
        assertEquals(cos * cos * cos * cos * cos, both.weight(10 * 20 + 15), 1e-6, "solid angle times polarisation");
        assertEquals(1, QLookup.build(g, 20, 20, null, 10, 1e-9, false, Double.NaN).weight(10 * 20 + 15));
        assertEquals("Parameter 'polarization_factor' must be a number from -1 to 1 (or empty for no correction),"
                + " got '1.5'", assertThrows(ProcessingException.class,
                        () -> Settings.parse(Map.of("polarization_factor", "1.5"))).getMessage());
        assertEquals("solid angle (cos^3 2theta, relative to the beam centre); polarisation (factor 0.95, along x)",
                Settings.parse(Map.of("polarization_factor", "0.95")).corrections());
        assertEquals("none", Settings.parse(Map.of("solid_angle", "false")).corrections());
    }

    @Test
    void aFrameOfAnotherSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LOOKUP.accumulate(new NdArray(new int[] {3},
                ElementType.UINT8, ByteBuffer.allocate(3)), new double[1], new double[1]));
    }
}
