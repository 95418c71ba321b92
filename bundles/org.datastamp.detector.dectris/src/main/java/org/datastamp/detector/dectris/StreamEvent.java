package org.datastamp.detector.dectris;

import java.nio.ByteBuffer;

import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;

/** What one decoded stream message says, in either protocol version. */
sealed interface StreamEvent {

    /** The series the message belongs to. */
    long seriesId();

    /**
     * A series starts (v1 global header, v2 start message).
     *
     * @param geometry       frame geometry the header announces, or null when it does not say (v1 header_detail none)
     * @param declaredImages images the detector will send, or -1 when the header does not say
     */
    record SeriesStart(long seriesId, FrameGeometry geometry, long declaredImages) implements StreamEvent {
    }

    /**
     * One image.
     *
     * @param pixels the frame's bytes as {@code encoding} says (raw little-endian pixels or one HDF5 chunk)
     */
    record Image(long seriesId, long index, FrameGeometry geometry, FrameEncoding encoding, ByteBuffer pixels)
            implements StreamEvent {
    }

    /** The series ends (v1 dseries_end, v2 end message). */
    record SeriesEnd(long seriesId) implements StreamEvent {
    }
}
