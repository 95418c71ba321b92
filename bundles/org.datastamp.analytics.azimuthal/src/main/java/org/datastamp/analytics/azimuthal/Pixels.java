package org.datastamp.analytics.azimuthal;

import java.nio.ByteBuffer;

import org.datastamp.visualization.api.NdArray;

/** Element access to the little-endian arrays the reader returns. */
final class Pixels {

    private Pixels() {
    }

    /** Element {@code i} as a double; unsigned types read as unsigned. */
    static double value(NdArray a, int i) {
        ByteBuffer b = a.data();
        return switch (a.type()) {
            case INT8 -> b.get(i);
            case UINT8 -> b.get(i) & 0xFF;
            case INT16 -> b.getShort(2 * i);
            case UINT16 -> b.getShort(2 * i) & 0xFFFF;
            case INT32 -> b.getInt(4 * i);
            case UINT32 -> b.getInt(4 * i) & 0xFFFF_FFFFL;
            case INT64 -> b.getLong(8 * i);
            case UINT64 -> unsigned(b.getLong(8 * i));
            case FLOAT32 -> b.getFloat(4 * i);
            case FLOAT64 -> b.getDouble(8 * i);
        };
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }
}
