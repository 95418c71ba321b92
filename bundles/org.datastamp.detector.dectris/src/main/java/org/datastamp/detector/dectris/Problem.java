package org.datastamp.detector.dectris;

/** Why a stream message was rejected; each kind is counted per series and reported when the series ends. */
enum Problem {
    /** Not valid JSON or CBOR, or a field is missing or of the wrong type. */
    MALFORMED,
    /** An htype (v1) or type (v2) that is not a series start, image or end. */
    UNKNOWN_MESSAGE_TYPE,
    /** A v1 message while stream v2 is configured, or the reverse. */
    WRONG_PROTOCOL,
    /** An image or end before its series started, a frame index at or below one already received, a second start. */
    OUT_OF_ORDER,
    /** A message of another series than the one being received. */
    WRONG_SERIES,
    /** Pixel data whose size does not match its shape and type (truncated or padded data, broken chunk framing). */
    SIZE_MISMATCH,
    /** A data encoding, compression or pixel type this receiver does not know. */
    UNKNOWN_ENCODING,
    /** An image beyond the number of frames the acquisition asked for. */
    EXTRA_FRAME
}
