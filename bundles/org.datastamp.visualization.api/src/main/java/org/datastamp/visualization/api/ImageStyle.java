package org.datastamp.visualization.api;

import java.util.Objects;

/**
 * How to colour a plane.
 *
 * @param colormap one of {@link ArrayRenderer#colormaps()}, e.g. {@code viridis}
 * @param scale    linear, log or sqrt
 * @param low      value at the bottom of the colormap
 * @param high     value at the top of the colormap; values outside are clamped, masked pixels are transparent
 */
public record ImageStyle(String colormap, Scale scale, double low, double high) {

    public ImageStyle {
        Objects.requireNonNull(colormap, "colormap");
        Objects.requireNonNull(scale, "scale");
        if (Double.isNaN(low) || Double.isNaN(high)) {
            throw new IllegalArgumentException("Contrast limits must be numbers, got " + low + ".." + high);
        }
    }
}
