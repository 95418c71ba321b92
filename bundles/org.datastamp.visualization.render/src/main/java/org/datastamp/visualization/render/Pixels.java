package org.datastamp.visualization.render;

import java.nio.ByteBuffer;

import org.datastamp.visualization.api.ElementType;

/** Converts stored elements to floats, turning invalid-pixel markers into NaN. */
final class Pixels {

    private Pixels() {
    }

    /** Fills {@code row} with the {@code row.length} elements starting at element {@code first} of little-endian data. */
    static void row(ByteBuffer data, ElementType type, long first, float[] row) {
        int at = Math.toIntExact(first * type.bytes());
        int n = row.length;
        switch (type) {
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    int v = data.get(at + i) & 0xff;
                    row[i] = v == 0xff ? Float.NaN : v;
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    row[i] = data.get(at + i);
                }
            }
            case UINT16 -> {
                for (int i = 0; i < n; i++) {
                    int v = data.getShort(at + 2 * i) & 0xffff;
                    row[i] = v == 0xffff ? Float.NaN : v;
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    row[i] = data.getShort(at + 2 * i);
                }
            }
            case UINT32 -> {
                for (int i = 0; i < n; i++) {
                    int v = data.getInt(at + 4 * i);
                    row[i] = v == -1 ? Float.NaN : (float) Integer.toUnsignedLong(v);
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    row[i] = data.getInt(at + 4 * i);
                }
            }
            case UINT64 -> {
                for (int i = 0; i < n; i++) {
                    long v = data.getLong(at + 8 * i);
                    row[i] = v == -1L ? Float.NaN : unsignedToFloat(v);
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    row[i] = data.getLong(at + 8 * i);
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    row[i] = data.getFloat(at + 4 * i);
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    row[i] = (float) data.getDouble(at + 8 * i);
                }
            }
        }
    }

    private static float unsignedToFloat(long v) {
        return v >= 0 ? v : (float) (v >>> 1) * 2f;
    }
}
