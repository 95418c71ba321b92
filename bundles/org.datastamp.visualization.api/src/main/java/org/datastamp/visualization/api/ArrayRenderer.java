package org.datastamp.visualization.api;

import java.util.List;

import org.datastamp.detector.api.Frame;

/** Turns arrays into what a screen shows: planes fitted to a viewport, colours, PNGs, histograms. */
public interface ArrayRenderer {

    /**
     * Fits a 2-D array into {@code maxWidth x maxHeight} by binning whole blocks of pixels (the same factor for
     * both axes, so pixels stay square); invalid pixels are masked. A 1-D array is one row.
     *
     * @throws BadDataRequestException if the array has rank 0 or above 2, or the viewport is not positive
     */
    Plane plane(NdArray array, int maxWidth, int maxHeight, Binning binning) throws BadDataRequestException;

    /** The values at the given percentiles (0-100) of the plane's valid values, e.g. 1 and 99.9 for auto contrast. */
    double[] percentiles(Plane plane, double... percentiles);

    /** A PNG of the plane in the style's colormap; masked pixels are transparent. */
    byte[] png(Plane plane, ImageStyle style) throws BadDataRequestException;

    /** A histogram of the plane's valid values. */
    Histogram histogram(Plane plane, int bins, Scale scale);

    /** Names of the colormaps {@link #png} knows, e.g. {@code viridis, gray, inferno, magma}. */
    List<String> colormaps();

    /**
     * A colormap as 256 RGB triples (768 bytes), for clients that colour binary arrays themselves.
     *
     * @throws BadDataRequestException for an unknown name (the message lists the known ones)
     */
    byte[] colormap(String name) throws BadDataRequestException;

    /** The pixels of a detector frame (decompressing bitshuffle/LZ4 and LZ4 chunks) as a 2-D array. */
    NdArray pixels(Frame frame) throws VisualizationException;

    /**
     * A detector frame, or a frame as a file stores it ({@link DataFileReader#storedFrame}), fitted into the
     * viewport: the plane {@code plane(pixels(frame), maxWidth, maxHeight, binning)} gives, which the renderer may
     * build by binning each block of a compressed frame as it decodes it, without ever holding the decoded frame
     * (what live views and overviews of large frames need: little memory, and the decoded bytes never written out
     * and read back).
     *
     * @throws BadDataRequestException if the viewport is not positive
     * @throws VisualizationException  if the frame's chunk does not decode to its geometry's size
     * @since 1.4
     */
    default Plane framePlane(Frame frame, int maxWidth, int maxHeight, Binning binning) throws VisualizationException {
        return plane(pixels(frame), maxWidth, maxHeight, binning);
    }
}
