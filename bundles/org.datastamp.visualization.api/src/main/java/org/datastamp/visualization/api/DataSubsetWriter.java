package org.datastamp.visualization.api;

import java.nio.file.Path;

/** Writes part of an HDF5/NeXus file's dataset as a new, small HDF5 file: the partial download of a data file. */
public interface DataSubsetWriter {

    /**
     * Writes the hyperslab {@code slice} of {@code datasetPath} (numpy style, as {@link DataFileReader#read}) into a
     * new HDF5 file {@code target}, at the same path, with the dataset's attributes and the {@code NX_class} of each
     * parent group, so NeXus tools still recognise it. Dimensions given by an index are dropped, as in
     * {@link DataFileReader#read}. Memory stays bounded whatever the selection's size.
     *
     * @return the shape of the written dataset
     * @throws BadDataRequestException for a malformed or out-of-bounds slice or a dataset that cannot be copied
     * @throws NoSuchNodeException     if there is no dataset at {@code datasetPath}
     * @throws VisualizationException  if {@code target} exists already or cannot be written
     */
    long[] write(Path source, String datasetPath, String slice, Path target) throws VisualizationException;
}
