package org.datastamp.detector.dectris;

import java.util.Locale;

/** Which SIMPLON stream version a receiver accepts. */
public enum ProtocolVersion {
    /** Stream v1: multipart JSON headers and binary blobs. */
    V1,
    /** Stream v2: one CBOR item per message. */
    V2,
    /** Either, told apart per message (v2 messages start with CBOR's self-description tag, v1 with a JSON object). */
    AUTO;

    /** Parses {@code 1}, {@code 2} or {@code auto}. */
    public static ProtocolVersion parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1" -> V1;
            case "2" -> V2;
            case "auto" -> AUTO;
            default -> throw new IllegalArgumentException("protocolVersion must be 1, 2 or auto, got '" + value + "'");
        };
    }
}
