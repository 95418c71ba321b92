package org.datastamp.visualization.api;

import java.nio.file.Path;

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
}
