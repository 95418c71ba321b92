package org.datastamp.visualization.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.Binning;
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
        requireViewport(maxWidth, maxHeight);
        int[] shape = array.shape();
        if (shape.length < 1 || shape.length > 2) {
            throw new BadDataRequestException("An image needs a 1-D or 2-D selection, got rank " + shape.length
                    + "; slice the other dimensions with single indices, e.g. 0,:,:");
        }
        int height = shape.length == 2 ? shape[0] : 1;
        int width = shape[shape.length - 1];
        Bins bins = new Bins(width, height, Bins.factor(width, height, maxWidth, maxHeight), array.type(), binning);
        // bands only pay off on large arrays: below ~1 Mpixel one thread is as quick
        int bands = executor == null || (long) width * height < (1 << 20) ? 1
                : Math.max(1, Math.min(threads, bins.outH));
        try {
            inBands(bins.outH, bands, executor, (from, to) -> {
                Bins.Folder folder = bins.new Folder();
                for (int y = from * bins.factor; y < Math.min(height, to * bins.factor); y++) {
                    folder.fold(array.data(), (long) y * width, (long) y * width, width);
                }
                folder.finish();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // folding an array in memory reads no file
        }
        return bins.plane();
    }

    static void requireViewport(int maxWidth, int maxHeight) throws BadDataRequestException {
        if (maxWidth <= 0 || maxHeight <= 0) {
            throw new BadDataRequestException("The viewport must be at least 1x1, got " + maxWidth + "x" + maxHeight);
        }
    }

    /** Work on a band of output rows, {@code fromRow} to {@code toRow} (exclusive). */
    interface Band {
        void run(int fromRow, int toRow) throws IOException;
    }

    /**
     * Runs {@code work} on {@code bands} bands of {@code outH} output rows: all but the first on {@code executor},
     * the first on the calling thread, which then waits for the others and passes on the first failure.
     */
    static void inBands(int outH, int bands, Executor executor, Band work) throws IOException {
        List<FutureTask<Void>> others = new ArrayList<>();
        for (int b = 1; b < bands; b++) {
            int from = outH * b / bands;
            int to = outH * (b + 1) / bands;
            FutureTask<Void> task = new FutureTask<>(() -> {
                work.run(from, to);
                return null;
            });
            others.add(task);
            executor.execute(task);
        }
        try {
            work.run(0, outH / bands);
        } catch (IOException | RuntimeException e) {
            others.forEach(t -> t.cancel(false));
            throw e;
        }
        for (FutureTask<Void> task : others) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                others.forEach(t -> t.cancel(false));
                throw new IllegalStateException("Interrupted while binning", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException("Binning failed: " + e.getCause(), e.getCause());
            }
        }
    }
}
