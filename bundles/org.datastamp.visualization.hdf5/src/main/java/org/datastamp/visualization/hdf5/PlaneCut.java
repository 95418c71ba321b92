package org.datastamp.visualization.hdf5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.NdArray;

/**
 * Selections answered from a whole 2-D plane: every dimension before the last two is a single index (one frame of a
 * stack), the last two are anything. The result is cut out of the plane in memory.
 */
final class PlaneCut {

    private PlaneCut() {
    }

    static boolean applies(Selection s) {
        int rank = s.count().length;
        if (rank < 2) {
            return false;
        }
        for (int d = 0; d < rank - 2; d++) {
            if (s.kept()[d]) {
                return false;
            }
        }
        return true;
    }

    static long planeElements(long[] shape) {
        return shape[shape.length - 2] * shape[shape.length - 1];
    }

    static long planeBytes(long[] shape, ElementType type) {
        return planeElements(shape) * type.bytes();
    }

    static List<Long> leading(Selection s) {
        List<Long> indices = new ArrayList<>();
        for (int d = 0; d < s.start().length - 2; d++) {
            indices.add(s.start()[d]);
        }
        return indices;
    }

    static List<Long> list(long[] values) {
        List<Long> out = new ArrayList<>();
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    /** The selection's leading indices (before the plane's two dimensions). */
    static long[] leadingArray(Selection s) {
        return java.util.Arrays.copyOf(s.start(), s.start().length - 2);
    }

    /** Whether the selection is one whole plane ({@code i,:,:}), every row and column once. */
    static boolean isWholePlane(Selection s, long[] shape) {
        int rank = s.count().length;
        for (int d = rank - 2; d < rank; d++) {
            if (!s.kept()[d] || s.start()[d] != 0 || s.stride()[d] != 1 || s.count()[d] != shape[d]) {
                return false;
            }
        }
        return applies(s);
    }

    /** The rows the selection spans: first (inclusive) and end (exclusive). */
    static int[] rows(Selection s) {
        int rank = s.count().length;
        int y0 = (int) s.start()[rank - 2];
        return new int[] {y0, (int) (y0 + (s.count()[rank - 2] - 1) * s.stride()[rank - 2] + 1)};
    }

    /** Whether rows span at least half of a plane: then decoding all of it, to keep it, costs little more. */
    static boolean isMostOf(int[] rows, int height) {
        return 2L * (rows[1] - rows[0]) >= height;
    }

    /**
     * The selection's part of a plane, or of the plane's rows from {@code firstRow} on; the buffer itself (not
     * copied) when that is all that was asked.
     */
    static NdArray cut(PlaneCache.Plane plane, Selection s, int firstRow) {
        int rank = s.count().length;
        int y0 = (int) s.start()[rank - 2] - firstRow;
        int x0 = (int) s.start()[rank - 1];
        int ny = (int) s.count()[rank - 2];
        int nx = (int) s.count()[rank - 1];
        int sy = (int) s.stride()[rank - 2];
        int sx = (int) s.stride()[rank - 1];
        int[] shape = s.resultShape();
        if (y0 == 0 && x0 == 0 && ny == plane.height() && nx == plane.width() && sy == 1 && sx == 1) {
            return new NdArray(shape, plane.type(), plane.data());
        }
        int b = plane.type().bytes();
        ByteBuffer source = plane.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocateDirect(ny * nx * b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] row = new byte[nx * b];
        for (int j = 0; j < ny; j++) {
            int rowStart = ((y0 + j * sy) * plane.width() + x0) * b;
            if (sx == 1) {
                source.get(rowStart, row, 0, row.length);
            } else {
                for (int i = 0; i < nx; i++) {
                    source.get(rowStart + i * sx * b, row, i * b, b);
                }
            }
            out.put(j * row.length, row);
        }
        return new NdArray(shape, plane.type(), out);
    }
}
