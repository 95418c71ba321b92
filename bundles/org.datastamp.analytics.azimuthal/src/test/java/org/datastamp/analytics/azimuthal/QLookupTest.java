package org.datastamp.analytics.azimuthal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.NdArray;
import org.junit.jupiter.api.Test;

/** Each pixel type's invalid values leave the sums; everything else is counted once, in its bin. */
class QLookupTest {

    /** 2 x 2 pixels around the beam centre: all at the same q, so one bin holds them all. */
    private static final QLookup LOOKUP = QLookup.build(new Geometry(1, 1e-10, 1, 1, 1e-4, 1e-4), 2, 2, null, 1,
            1e-9, false);

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
    void aFrameOfAnotherSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LOOKUP.accumulate(new NdArray(new int[] {3},
                ElementType.UINT8, ByteBuffer.allocate(3)), new double[1], new double[1]));
    }
}
