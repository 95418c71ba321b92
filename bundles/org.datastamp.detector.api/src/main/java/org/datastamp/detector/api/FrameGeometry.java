package org.datastamp.detector.api;

import java.util.Objects;

/**
 * Shape and pixel type of a detector's frames.
 *
 * @param width     pixels along the fast axis
 * @param height    pixels along the slow axis
 * @param pixelType data type of each pixel
 */
public record FrameGeometry(int width, int height, PixelType pixelType) {

    public FrameGeometry {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Frame size must be positive, got " + width + "x" + height);
        }
        Objects.requireNonNull(pixelType, "pixelType");
    }

    /** Size of one uncompressed frame in bytes. */
    public long frameBytes() {
        return (long) width * height * pixelType.bytes();
    }
}
