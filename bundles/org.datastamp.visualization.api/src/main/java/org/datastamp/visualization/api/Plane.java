package org.datastamp.visualization.api;

import java.util.Objects;

/**
 * A 2-D image fitted to a viewport, ready to colour: row-major float values, {@code NaN} where every source pixel was
 * masked (invalid-pixel value 2^n-1 of unsigned n-bit data, or NaN in float data).
 *
 * @param width      columns
 * @param height     rows
 * @param values     {@code width * height} values
 * @param binX       source columns per column (1 = full resolution)
 * @param binY       source rows per row
 * @param sourceType element type of the data it came from
 */
public record Plane(int width, int height, float[] values, int binX, int binY, ElementType sourceType) {

    public Plane {
        if (width <= 0 || height <= 0 || binX <= 0 || binY <= 0) {
            throw new IllegalArgumentException("A plane needs positive size and binning, got " + width + "x" + height
                    + " binned " + binX + "x" + binY);
        }
        if (values.length != width * height) {
            throw new IllegalArgumentException("A " + width + "x" + height + " plane needs " + width * height
                    + " values, got " + values.length);
        }
        Objects.requireNonNull(sourceType, "sourceType");
    }
}
