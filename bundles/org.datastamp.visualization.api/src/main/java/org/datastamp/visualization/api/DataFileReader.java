package org.datastamp.visualization.api;

import java.nio.file.Path;
import java.util.Optional;

import org.datastamp.detector.api.Frame;

/** Reads HDF5/NeXus files for viewing: their tree, and slices of their datasets. */
public interface DataFileReader {

    /**
     * The file's groups, datasets and attributes, with the NeXus default plot resolved.
     *
     * @throws VisualizationException if the file cannot be opened as HDF5 (the message names it)
     */
    FileTree tree(Path file) throws VisualizationException;

    /** How one dataset is stored. */
    DatasetInfo describe(Path file, String datasetPath) throws VisualizationException;

    /**
     * Reads a hyperslab, numpy style: one entry per dimension, comma separated, each an index ({@code 5}, negative
     * counts from the end) or a range ({@code :}, {@code 10:20}, {@code ::4}); a missing trailing entry means
     * {@code :}. Dimensions given by an index are dropped from the result, so {@code 5,:,:} of a stack is one
     * frame. Only the chunks the selection touches are read and decompressed.
     *
     * @throws BadDataRequestException for a malformed or out-of-bounds slice, a non-numeric dataset, or a
     *                                 selection larger than the reader's limit
     * @throws NoSuchNodeException     if there is no dataset at {@code datasetPath}
     */
    NdArray read(Path file, String datasetPath, String slice) throws VisualizationException;

    /**
     * The whole 2-D plane a slice selects ({@code i,:,:} of a stack), as the file stores it, when that is one chunk
     * compressed with bitshuffle/LZ4 or LZ4 (detector stacks): a frame whose bytes are the chunk, for a caller that
     * bins it while decoding ({@link ArrayRenderer#framePlane}) instead of reading the decoded
     * plane. Empty when the slice is anything else, the data is stored otherwise, or the reader already holds the
     * plane decoded ({@link #read} is then the cheaper way).
     *
     * @throws BadDataRequestException for a malformed or out-of-bounds slice
     * @throws NoSuchNodeException     if there is no dataset at {@code datasetPath}
     * @since 1.4
     */
    default Optional<Frame> storedFrame(Path file, String datasetPath, String slice) throws VisualizationException {
        return Optional.empty();
    }
}
