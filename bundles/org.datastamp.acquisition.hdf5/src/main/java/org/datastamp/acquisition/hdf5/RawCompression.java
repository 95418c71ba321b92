package org.datastamp.acquisition.hdf5;

import org.datastamp.detector.api.FrameEncoding;

/**
 * How raw (uncompressed) frames are compressed by libhdf5 on the way to disk. Frames that arrive compressed are
 * stored as they are and never pass through this.
 *
 * @param filter       {@link FrameEncoding#RAW} for none, or the plugin encoding libhdf5 applies (bitshuffle/LZ4, LZ4)
 * @param deflateLevel 1-9 for shuffle + deflate (gzip), 0 otherwise
 */
record RawCompression(FrameEncoding filter, int deflateLevel) {

    static final RawCompression NONE = new RawCompression(FrameEncoding.RAW, 0);

    RawCompression {
        if (deflateLevel < 0 || deflateLevel > 9 || deflateLevel > 0 && filter != FrameEncoding.RAW) {
            throw new IllegalArgumentException("deflate level must be 1-9 and excludes other filters");
        }
    }

    /** Parses {@code none}, {@code deflate} (level 4), {@code deflate:<1-9>}, {@code bslz4} or {@code lz4}. */
    static RawCompression parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.isEmpty() || t.equals("none")) {
            return NONE;
        }
        if (t.equals("bslz4")) {
            return new RawCompression(FrameEncoding.BSLZ4, 0);
        }
        if (t.equals("lz4")) {
            return new RawCompression(FrameEncoding.LZ4, 0);
        }
        if (t.equals("deflate")) {
            return new RawCompression(FrameEncoding.RAW, 4);
        }
        if (t.matches("deflate:[1-9]")) {
            return new RawCompression(FrameEncoding.RAW, t.charAt(8) - '0');
        }
        throw new IllegalArgumentException("Unknown compression for raw frames '" + text
                + "'; use none, deflate, deflate:<1-9>, bslz4 or lz4");
    }
}
