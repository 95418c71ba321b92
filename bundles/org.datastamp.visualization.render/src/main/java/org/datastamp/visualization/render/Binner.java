package org.datastamp.visualization.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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
        float[] count = binning == Binning.MEAN ? new float[outW] : null;
        float[] row = new float[width];
        ElementType type = array.type();
        ByteBuffer data = array.data().order(ByteOrder.LITTLE_ENDIAN);
        for (int oy = 0; oy < outH; oy++) {
            int base = oy * outW;
            java.util.Arrays.fill(out, base, base + outW, Float.NaN);
            if (count != null) {
                java.util.Arrays.fill(count, 0);
            }
            for (int y = oy * factor; y < Math.min(height, (oy + 1) * factor); y++) {
                Pixels.row(data, type, (long) y * width, row);
                accumulate(row, out, base, count, factor, binning);
            }
            if (count != null) {
                for (int ox = 0; ox < outW; ox++) {
                    out[base + ox] = count[ox] == 0 ? Float.NaN : out[base + ox] / count[ox];
                }
            }
        }
        return new Plane(outW, outH, out, factor, factor, type);
    }

    private static void accumulate(float[] row, float[] out, int base, float[] count, int factor, Binning binning) {
        for (int x = 0; x < row.length; x++) {
            float v = row[x];
            if (Float.isNaN(v)) {
                continue;
            }
            int o = base + x / factor;
            float current = out[o];
            switch (binning) {
                case MEAN -> {
                    out[o] = Float.isNaN(current) ? v : current + v;
                    count[x / factor]++;
                }
                case MAX -> out[o] = Float.isNaN(current) || v > current ? v : current;
                case MIN -> out[o] = Float.isNaN(current) || v < current ? v : current;
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
