package org.datastamp.visualization.thumbnails;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DatasetInfo;
import org.datastamp.visualization.api.DefaultPlot;
import org.datastamp.visualization.api.ImageStyle;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.Plane;
import org.datastamp.visualization.api.Scale;
import org.datastamp.visualization.api.VisualizationException;

/**
 * Draws a data file's NeXus default plot ({@code @default} to the NXdata group's {@code @signal}) as a small PNG: the
 * first frame of an image stack, binned by maximum (sparse peaks stay visible), log scale, contrast from the 1st to
 * the 99.9th percentile, viridis. A 1-D signal is a line plot ({@link LinePlot}); a file without a default plot draws
 * nothing.
 */
final class ThumbnailDrawing {

    /** Rows and columns read at most per axis; larger frames are read with a stride (a thumbnail needs no more). */
    static final int MAX_READ_SIDE = 1024;
    static final String COLORMAP = "viridis";

    private ThumbnailDrawing() {
    }

    static Optional<byte[]> draw(DataFileReader reader, ArrayRenderer renderer, Path file, int size)
            throws VisualizationException {
        Optional<DefaultPlot> plot = reader.tree(file).defaultPlot();
        if (plot.isEmpty()) {
            return Optional.empty();
        }
        String signal = plot.get().signal();
        DatasetInfo info = reader.describe(file, signal);
        if (!info.numeric() || info.rank() < 1 || info.shape().contains(0L)) {
            return Optional.empty();
        }
        if (info.rank() == 1) {
            long step = (info.shape().get(0) + LinePlot.MAX_POINTS - 1) / LinePlot.MAX_POINTS;
            NdArray values = reader.read(file, signal, step <= 1 ? ":" : "::" + step);
            return LinePlot.png(renderer.plane(values, size, size, Binning.MEAN).values(), size);
        }
        Plane plane = renderer.plane(reader.read(file, signal, firstFrame(info.shape())), size, size, Binning.MAX);
        return style(renderer, plane).map(style -> {
            try {
                return renderer.png(plane, style);
            } catch (VisualizationException e) {
                throw new IllegalStateException("A checked plane could not be drawn: " + e.getMessage(), e);
            }
        });
    }

    /** Leading indices 0 (the first frame of a stack), the last two axes strided to at most MAX_READ_SIDE. */
    static String firstFrame(List<Long> shape) {
        StringBuilder slice = new StringBuilder();
        for (int axis = 0; axis < shape.size(); axis++) {
            if (axis > 0) {
                slice.append(',');
            }
            if (axis < shape.size() - 2) {
                slice.append('0');
            } else {
                long step = (shape.get(axis) + MAX_READ_SIDE - 1) / MAX_READ_SIDE;
                slice.append(step <= 1 ? ":" : "::" + step);
            }
        }
        return slice.toString();
    }

    /** Log scale between the 1st and 99.9th percentile; linear when nothing is positive; empty when all is masked. */
    static Optional<ImageStyle> style(ArrayRenderer renderer, Plane plane) {
        double[] limits = renderer.percentiles(plane, 1, 99.9);
        double high = limits[1];
        if (high <= 0) {
            return Optional.of(new ImageStyle(COLORMAP, Scale.LINEAR, limits[0], high));
        }
        double low = limits[0] > 0 ? limits[0] : smallestPositive(plane);
        // no positive value below a positive high: every pixel is masked (the renderer then reports 0..1)
        return Double.isInfinite(low) ? Optional.empty() : Optional.of(new ImageStyle(COLORMAP, Scale.LOG, low, high));
    }

    private static double smallestPositive(Plane plane) {
        float smallest = Float.POSITIVE_INFINITY;
        for (float v : plane.values()) {
            if (v > 0 && v < smallest) {
                smallest = v;
            }
        }
        return smallest;
    }
}
