package org.datastamp.visualization.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.Plane;

/**
 * Fits an array into a viewport by binning square blocks of source pixels (min, max or mean of the valid ones).
 * Invalid pixels (2^n-1 in unsigned n-bit data, NaN in floats) are left out of every bin; a bin with none left is
 * NaN, which the PNG shows transparent.
 */
final class Binner {

    private Binner() {
    }

    static Plane plane(NdArray array, int maxWidth, int maxHeight, Binning binning) throws BadDataRequestException {
        return plane(array, maxWidth, maxHeight, binning, null, 1);
    }

    /**
     * Bins on up to {@code threads} threads: bands of output rows, all but the first on {@code executor} (null: all
     * on the calling thread), which waits for them.
     */
    static Plane plane(NdArray array, int maxWidth, int maxHeight, Binning binning, Executor executor, int threads)
            throws BadDataRequestException {
        if (maxWidth <= 0 || maxHeight <= 0) {
            throw new BadDataRequestException("The viewport must be at least 1x1, got " + maxWidth + "x" + maxHeight);
        }
        int[] shape = array.shape();
        if (shape.length < 1 || shape.length > 2) {
            throw new BadDataRequestException("An image needs a 1-D or 2-D selection, got rank " + shape.length
                    + "; slice the other dimensions with single indices, e.g. 0,:,:");
        }
        int height = shape.length == 2 ? shape[0] : 1;
        int width = shape[shape.length - 1];
        int factor = Math.max(1, Math.max(ceilDiv(width, maxWidth), ceilDiv(height, maxHeight)));
        int outW = ceilDiv(width, factor);
        int outH = ceilDiv(height, factor);
        float[] out = new float[outW * outH];
        Arrays.fill(out, Float.NaN);
        // bands only pay off on large arrays: below ~1 Mpixel one thread is as quick
        int bands = executor == null || (long) width * height < (1 << 20) ? 1 : Math.max(1, Math.min(threads, outH));
        List<FutureTask<Void>> others = new ArrayList<>();
        for (int b = 1; b < bands; b++) {
            int from = outH * b / bands;
            int to = outH * (b + 1) / bands;
            FutureTask<Void> task = new FutureTask<>(() -> {
                band(array, width, height, factor, outW, out, binning, from, to);
                return null;
            });
            others.add(task);
            executor.execute(task);
        }
        band(array, width, height, factor, outW, out, binning, 0, outH / bands);
        for (FutureTask<Void> task : others) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                others.forEach(t -> t.cancel(false));
                throw new IllegalStateException("Interrupted while binning", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Binning failed: " + e.getCause(), e.getCause());
            }
        }
        return new Plane(outW, outH, out, factor, factor, array.type());
    }

    /** Output rows {@code fromRow} to {@code toRow} (exclusive). */
    private static void band(NdArray array, int width, int height, int factor, int outW, float[] out, Binning binning,
            int fromRow, int toRow) {
        if (binning == Binning.MAX && array.type() == ElementType.UINT32) {
            maxUint32(array, width, height, factor, outW, out, fromRow, toRow);
            return;
        }
        float[] count = binning == Binning.MEAN ? new float[outW] : null;
        float[] row = new float[width];
        Pixels pixels = new Pixels();
        ElementType type = array.type();
        ByteBuffer data = array.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int oy = fromRow; oy < toRow; oy++) {
            int base = oy * outW;
            if (count != null) {
                Arrays.fill(count, 0);
            }
            for (int y = oy * factor; y < Math.min(height, (oy + 1) * factor); y++) {
                pixels.row(data, type, (long) y * width, row);
                switch (binning) {
                    case MAX -> max(row, out, base, factor);
                    case MIN -> min(row, out, base, factor);
                    case MEAN -> sum(row, out, base, count, factor);
                }
            }
            if (count != null) {
                for (int ox = 0; ox < outW; ox++) {
                    out[base + ox] = count[ox] == 0 ? Float.NaN : out[base + ox] / count[ox];
                }
            }
        }
    }

    /**
     * Max binning of uint32 data (detector frames, the overview's default) on ints, without a float per pixel: each
     * value v becomes (v + 1) with the sign bit flipped, which orders unsigned values as signed ints and turns the
     * invalid-pixel value 2^32-1 into the smallest int, so a plain {@code Math.max} skips it; a bin still at that
     * smallest int had only invalid pixels (NaN).
     */
    private static void maxUint32(NdArray array, int width, int height, int factor, int outW, float[] out,
            int fromRow, int toRow) {
        Pixels pixels = new Pixels();
        ByteBuffer data = array.data();
        int[] bins = new int[outW];
        for (int oy = fromRow; oy < toRow; oy++) {
            Arrays.fill(bins, Integer.MIN_VALUE);
            for (int y = oy * factor; y < Math.min(height, (oy + 1) * factor); y++) {
                int[] row = pixels.ints(data, (long) y * width, width);
                for (int x0 = 0, o = 0; x0 < width; x0 += factor, o++) {
                    int m = bins[o];
                    for (int x = x0, end = Math.min(width, x0 + factor); x < end; x++) {
                        m = Math.max(m, (row[x] + 1) ^ Integer.MIN_VALUE);
                    }
                    bins[o] = m;
                }
            }
            for (int o = 0; o < outW; o++) {
                int m = bins[o];
                out[oy * outW + o] = m == Integer.MIN_VALUE ? Float.NaN
                        : (float) (((m ^ Integer.MIN_VALUE) - 1) & 0xffffffffL);
            }
        }
    }

    // NaN (masked) values never win a comparison, and a bin still NaN takes the first value: no branch on masks

    private static void max(float[] row, float[] out, int base, int factor) {
        for (int x0 = 0, o = base; x0 < row.length; x0 += factor, o++) {
            float m = out[o];
            for (int x = x0, end = Math.min(row.length, x0 + factor); x < end; x++) {
                float v = row[x];
                if (v > m || m != m) {
                    m = v;
                }
            }
            out[o] = m;
        }
    }

    private static void min(float[] row, float[] out, int base, int factor) {
        for (int x0 = 0, o = base; x0 < row.length; x0 += factor, o++) {
            float m = out[o];
            for (int x = x0, end = Math.min(row.length, x0 + factor); x < end; x++) {
                float v = row[x];
                if (v < m || m != m) {
                    m = v;
                }
            }
            out[o] = m;
        }
    }

    private static void sum(float[] row, float[] out, int base, float[] count, int factor) {
        for (int x0 = 0, o = 0; x0 < row.length; x0 += factor, o++) {
            float s = out[base + o];
            for (int x = x0, end = Math.min(row.length, x0 + factor); x < end; x++) {
                float v = row[x];
                if (v == v) {
                    s = s != s ? v : s + v;
                    count[o]++;
                }
            }
            out[base + o] = s;
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
