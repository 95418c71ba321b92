package org.datastamp.detector.dectris;

import java.util.List;

/** Tells stream v1 from v2 messages and decodes them with the matching decoder, within the configured version. */
final class StreamDecoder {

    private final ProtocolVersion version;
    private final StreamV1Decoder v1 = new StreamV1Decoder();
    private final StreamV2Decoder v2;

    StreamDecoder(ProtocolVersion version, String channel) {
        this.version = version;
        this.v2 = new StreamV2Decoder(channel);
    }

    StreamEvent decode(List<byte[]> parts) throws StreamMessageException {
        byte[] first = parts.get(0);
        boolean cbor = first.length >= 3 && (first[0] & 0xff) == 0xd9 && (first[1] & 0xff) == 0xd9
                && (first[2] & 0xff) == 0xf7;
        if (cbor) {
            if (version == ProtocolVersion.V1) {
                throw new StreamMessageException(Problem.WRONG_PROTOCOL,
                        "Received a stream v2 (CBOR) message but this receiver is configured for stream v1");
            }
            if (parts.size() != 1) {
                throw new StreamMessageException(Problem.MALFORMED, "Stream v2 message has " + parts.size()
                        + " ZeroMQ parts; v2 messages have one");
            }
            return v2.decode(first);
        }
        if (version == ProtocolVersion.V2) {
            throw new StreamMessageException(Problem.WRONG_PROTOCOL, "Received a message that is not self-described "
                    + "CBOR (stream v2) but this receiver is configured for stream v2; is the detector's stream format"
                    + " 'legacy'?");
        }
        return v1.decode(parts);
    }
}
