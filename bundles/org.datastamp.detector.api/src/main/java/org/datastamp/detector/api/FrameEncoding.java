package org.datastamp.detector.api;

/**
 * How a frame's bytes are encoded. Compressed frames carry exactly the bytes the matching HDF5 filter stores as one
 * chunk (its 12-byte big-endian header: uncompressed size as 8 bytes, block size as 4, then the blocks), so a writer
 * can store them with a direct chunk write and never decompress. A receiver whose source sends a bare LZ4 block adds
 * that header; it never recompresses.
 */
public enum FrameEncoding {
    /** Uncompressed little-endian pixels, {@code geometry.frameBytes()} long. */
    RAW(0),
    /** LZ4, as HDF5 filter 32004 stores a chunk. */
    LZ4(32004),
    /** Bitshuffle then LZ4, as HDF5 filter 32008 (bitshuffle with LZ4 compression) stores a chunk. */
    BSLZ4(32008);

    private final int hdf5FilterId;

    FrameEncoding(int hdf5FilterId) {
        this.hdf5FilterId = hdf5FilterId;
    }

    /** The registered HDF5 filter id that decodes this encoding; 0 for {@link #RAW}. */
    public int hdf5FilterId() {
        return hdf5FilterId;
    }
}
