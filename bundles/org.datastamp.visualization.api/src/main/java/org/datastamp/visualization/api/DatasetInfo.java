package org.datastamp.visualization.api;

import java.util.List;
import java.util.Objects;

/**
 * How a dataset is stored.
 *
 * @param shape   current extent of each dimension
 * @param dtype   numpy-style type ({@code uint32}, {@code float64}, {@code string}, {@code compound}, ...)
 * @param numeric whether {@link DataFileReader#read} can read it as numbers
 * @param layout  {@code chunked}, {@code contiguous}, {@code compact} or {@code virtual}
 * @param chunks  chunk shape; empty unless chunked
 * @param filters registered HDF5 filter ids in pipeline order, e.g. 32008 (bitshuffle/LZ4), 32004 (LZ4),
 *                1 (deflate), 2 (shuffle)
 */
public record DatasetInfo(List<Long> shape, String dtype, boolean numeric, String layout, List<Long> chunks,
        List<Integer> filters) {

    public DatasetInfo {
        shape = List.copyOf(shape);
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(layout, "layout");
        chunks = List.copyOf(chunks);
        filters = List.copyOf(filters);
    }

    public int rank() {
        return shape.size();
    }
}
