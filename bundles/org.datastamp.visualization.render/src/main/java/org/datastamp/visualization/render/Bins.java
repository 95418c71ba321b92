package org.datastamp.visualization.render;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.Plane;

/**
 * The bins of a plane being built from a {@code width x height} row-major array whose elements arrive in any pieces
 * (whole rows of an array in memory, or the blocks of a compressed frame as they are decoded), each fold taking the
 * bins' values further in source order, so every way of feeding the same elements gives the same plane. Invalid
 * pixels (2^n-1 in unsigned n-bit data, NaN in floats) are left out; a bin with none left is NaN. Threads may fold
 * at once through a {@link Folder} each if they touch disjoint output rows.
 */
final class Bins {

    final int width;
    final int height;
    final int factor;
    final int outW;
    final int outH;
    private final ElementType type;
    private final Binning binning;
    private final float[] out;
    private final float[] count;
    private final int[] maxInts;

    Bins(int width, int height, int factor, ElementType type, Binning binning) {
        this.width = width;
        this.height = height;
        this.factor = factor;
        this.outW = ceilDiv(width, factor);
        this.outH = ceilDiv(height, factor);
        this.type = type;
        this.binning = binning;
        this.out = new float[outW * outH];
        Arrays.fill(out, Float.NaN);
        this.count = binning == Binning.MEAN ? new float[out.length] : null;
        this.maxInts = binning == Binning.MAX && type == ElementType.UINT32 ? new int[out.length] : null;
        if (maxInts != null) {
            Arrays.fill(maxInts, Integer.MIN_VALUE);
        }
    }

    /** The smallest factor that fits {@code width x height} into {@code maxWidth x maxHeight}, at least 1. */
    static int factor(int width, int height, int maxWidth, int maxHeight) {
        return Math.max(1, Math.max(ceilDiv(width, maxWidth), ceilDiv(height, maxHeight)));
    }

    /** The finished plane; call once, after every element was folded. */
    Plane plane() {
        if (maxInts != null) {
            for (int o = 0; o < out.length; o++) {
                int m = maxInts[o];
                out[o] = m == Integer.MIN_VALUE ? Float.NaN : (float) (((m ^ Integer.MIN_VALUE) - 1) & 0xffffffffL);
            }
        }
        if (count != null) {
            for (int o = 0; o < out.length; o++) {
                out[o] = count[o] == 0 ? Float.NaN : out[o] / count[o];
            }
        }
        return new Plane(outW, outH, out, factor, factor, type);
    }

    /**
     * Folds elements into the bins; one per thread (it keeps conversion buffers), and {@link #finish} when done.
     * Max binning of uint32 first takes the maximum per column over the source rows of one output row (a loop the
     * JIT vectorises), and folds those columns into the bins once per output row.
     */
    final class Folder {

        private final Pixels pixels = new Pixels();
        private float[] row = new float[0];
        private final int[] columns = maxInts == null ? null : new int[width];
        private int columnsRow = -1;
        private int touchedFrom = Integer.MAX_VALUE;
        private int touchedTo;

        Folder() {
            if (columns != null) {
                Arrays.fill(columns, Integer.MIN_VALUE);
            }
        }

        /**
         * Folds the {@code n} elements at element {@code at} of little-endian {@code data}, which are the source's
         * elements from {@code element} on (row-major).
         */
        void fold(ByteBuffer data, long at, long element, int n) {
            long e = element;
            long p = at;
            int left = n;
            while (left > 0) {
                int y = (int) (e / width);
                int x = (int) (e % width);
                int length = Math.min(left, width - x);
                if (columns != null) {
                    maxColumns(pixels.ints(data, p, length), length, x, y / factor);
                } else {
                    int base = (y / factor) * outW;
                    row = row.length >= length ? row : new float[Math.max(length, width)];
                    pixels.row(data, type, p, row, length);
                    switch (binning) {
                        case MAX -> max(row, length, x, base);
                        case MIN -> min(row, length, x, base);
                        case MEAN -> sum(row, length, x, base);
                    }
                }
                e += length;
                p += length;
                left -= length;
            }
        }

        /** Folds what is still held per column into the bins; call once after the last {@link #fold}. */
        void finish() {
            if (columns != null) {
                flushColumns();
            }
        }

        /*
         * Each uint32 value v becomes (v + 1) with the sign bit flipped, which orders unsigned values as signed ints
         * and turns the invalid-pixel value 2^32-1 into the smallest int, so a plain Math.max skips it; a bin still
         * at that smallest int had only invalid pixels (NaN).
         */
        private void maxColumns(int[] v, int n, int x0, int outRow) {
            if (outRow != columnsRow) {
                flushColumns();
                columnsRow = outRow;
            }
            int[] c = columns;
            for (int i = 0; i < n; i++) {
                c[x0 + i] = Math.max(c[x0 + i], (v[i] + 1) ^ Integer.MIN_VALUE);
            }
            touchedFrom = Math.min(touchedFrom, x0);
            touchedTo = Math.max(touchedTo, x0 + n);
        }

        private void flushColumns() {
            if (columnsRow < 0) {
                return;
            }
            int base = columnsRow * outW;
            for (int x = touchedFrom; x < touchedTo;) {
                int o = base + x / factor;
                int binEnd = Math.min(touchedTo, (x / factor + 1) * factor);
                int m = maxInts[o];
                for (; x < binEnd; x++) {
                    m = Math.max(m, columns[x]);
                    columns[x] = Integer.MIN_VALUE;
                }
                maxInts[o] = m;
            }
            columnsRow = -1;
            touchedFrom = Integer.MAX_VALUE;
            touchedTo = 0;
        }
    }

    /*
     * Each fold below walks the bins a row segment starting at column x0 touches, and each bin's columns in order.
     * NaN (masked) values never win a comparison, and a bin still NaN takes the first value: no branch on masks.
     */

    private void max(float[] v, int n, int x0, int base) {
        for (int x = x0, end = x0 + n; x < end;) {
            int o = base + x / factor;
            int binEnd = Math.min(end, (x / factor + 1) * factor);
            float m = out[o];
            for (; x < binEnd; x++) {
                float value = v[x - x0];
                if (value > m || m != m) {
                    m = value;
                }
            }
            out[o] = m;
        }
    }

    private void min(float[] v, int n, int x0, int base) {
        for (int x = x0, end = x0 + n; x < end;) {
            int o = base + x / factor;
            int binEnd = Math.min(end, (x / factor + 1) * factor);
            float m = out[o];
            for (; x < binEnd; x++) {
                float value = v[x - x0];
                if (value < m || m != m) {
                    m = value;
                }
            }
            out[o] = m;
        }
    }

    private void sum(float[] v, int n, int x0, int base) {
        for (int x = x0, end = x0 + n; x < end;) {
            int o = base + x / factor;
            int binEnd = Math.min(end, (x / factor + 1) * factor);
            float s = out[o];
            float c = count[o];
            for (; x < binEnd; x++) {
                float value = v[x - x0];
                if (value == value) {
                    s = s != s ? value : s + value;
                    c++;
                }
            }
            out[o] = s;
            count[o] = c;
        }
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
