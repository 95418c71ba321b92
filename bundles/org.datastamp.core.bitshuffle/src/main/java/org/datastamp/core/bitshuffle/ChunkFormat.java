package org.datastamp.core.bitshuffle;

/** The HDF5 filters whose chunks {@link FilterChunk} decodes. */
public enum ChunkFormat {

    /** Bitshuffle (filter 32008) with LZ4 compression: DECTRIS {@code bslz4}, hdf5plugin's {@code Bitshuffle()}. */
    BITSHUFFLE_LZ4(32008),
    /** LZ4 (filter 32004): DECTRIS {@code lz4}, hdf5plugin's {@code LZ4()}. */
    LZ4(32004);

    private final int filterId;

    ChunkFormat(int filterId) {
        this.filterId = filterId;
    }

    /** The filter's registered HDF5 id. */
    public int filterId() {
        return filterId;
    }
}
