package org.datastamp.visualization.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * An n-dimensional block of numbers read from a file or a live frame, row-major (last index fastest).
 *
 * @param shape extent of each dimension; empty for a single value
 * @param type  element type
 * @param data  the elements, little-endian, exactly {@code product(shape) * type.bytes()} bytes from position 0
 */
public record NdArray(int[] shape, ElementType type, ByteBuffer data) {

    public NdArray {
        shape = shape.clone();
        Objects.requireNonNull(type, "type");
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Negative extent in shape " + java.util.Arrays.toString(shape));
            }
            n *= d;
        }
        if (data.capacity() != n * type.bytes()) {
            throw new IllegalArgumentException("An array of shape " + java.util.Arrays.toString(shape) + " and type "
                    + type.numpyName() + " needs " + n * type.bytes() + " bytes, got " + data.capacity());
        }
        data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN).clear();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public long size() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public int rank() {
        return shape.length;
    }
}
