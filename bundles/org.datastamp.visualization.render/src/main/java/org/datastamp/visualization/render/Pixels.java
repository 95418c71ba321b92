package org.datastamp.visualization.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.datastamp.visualization.api.ElementType;

/**
 * Converts stored elements to floats, turning invalid-pixel markers into NaN. A row is first copied in bulk into a
 * primitive array (a memory copy through a typed buffer view), then converted in a tight loop: reading element by
 * element from a ByteBuffer costs several times more on a 16-Mpixel frame.
 */
final class Pixels {

    private int[] ints = new int[0];
    private short[] shorts = new short[0];
    private long[] longs = new long[0];
    private byte[] bytes = new byte[0];

    /** Fills {@code row} with the {@code n} elements starting at element {@code first} of little-endian data. */
    void row(ByteBuffer data, ElementType type, long first, float[] row, int n) {
        ByteBuffer at = data.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(Math.toIntExact(first
                * type.bytes()));
        switch (type) {
            case UINT8, INT8 -> {
                bytes = bytes.length >= n ? bytes : new byte[n];
                at.get(bytes, 0, n);
                boolean unsigned = type == ElementType.UINT8;
                for (int i = 0; i < n; i++) {
                    int v = unsigned ? bytes[i] & 0xff : bytes[i];
                    row[i] = unsigned && v == 0xff ? Float.NaN : v;
                }
            }
            case UINT16, INT16 -> {
                shorts = shorts.length >= n ? shorts : new short[n];
                at.asShortBuffer().get(shorts, 0, n);
                boolean unsigned = type == ElementType.UINT16;
                for (int i = 0; i < n; i++) {
                    int v = unsigned ? shorts[i] & 0xffff : shorts[i];
                    row[i] = unsigned && v == 0xffff ? Float.NaN : v;
                }
            }
            case UINT32, INT32 -> {
                ints = ints.length >= n ? ints : new int[n];
                at.asIntBuffer().get(ints, 0, n);
                if (type == ElementType.UINT32) {
                    for (int i = 0; i < n; i++) {
                        int v = ints[i];
                        row[i] = v == -1 ? Float.NaN : (float) (v & 0xffffffffL);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        row[i] = ints[i];
                    }
                }
            }
            case UINT64, INT64 -> {
                longs = longs.length >= n ? longs : new long[n];
                at.asLongBuffer().get(longs, 0, n);
                for (int i = 0; i < n; i++) {
                    long v = longs[i];
                    row[i] = type == ElementType.INT64 ? v : v == -1L ? Float.NaN : unsignedToFloat(v);
                }
            }
            case FLOAT32 -> at.asFloatBuffer().get(row, 0, n);
            case FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    row[i] = (float) at.getDouble(8 * i + at.position());
                }
            }
        }
    }

    /** The {@code n} 32-bit elements from element {@code first}, in an array this object reuses. */
    int[] ints(ByteBuffer data, long first, int n) {
        ints = ints.length >= n ? ints : new int[n];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(Math.toIntExact(first * 4)).asIntBuffer()
                .get(ints, 0, n);
        return ints;
    }

    private static float unsignedToFloat(long v) {
        return v >= 0 ? v : (float) (v >>> 1) * 2f;
    }
}
