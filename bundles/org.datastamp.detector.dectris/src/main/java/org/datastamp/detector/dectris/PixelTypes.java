package org.datastamp.detector.dectris;

import org.datastamp.detector.api.PixelType;

/** DECTRIS' names and RFC 8746 typed-array tags of pixel types, mapped to {@link PixelType}. */
final class PixelTypes {

    private PixelTypes() {
    }

    /** The pixel type DECTRIS names {@code uint8}, {@code uint16}, {@code uint32}, {@code int32} or {@code float32}. */
    static PixelType fromName(String name) throws StreamMessageException {
        return switch (name) {
            case "uint8" -> PixelType.UINT8;
            case "uint16" -> PixelType.UINT16;
            case "uint32" -> PixelType.UINT32;
            case "int32" -> PixelType.INT32;
            case "float32" -> PixelType.FLOAT32;
            default -> throw new StreamMessageException(Problem.UNKNOWN_ENCODING, "Unknown pixel type '" + name
                    + "' (known: uint8, uint16, uint32, int32, float32)");
        };
    }

    /** The unsigned pixel type of a v1 header's {@code bit_depth_image}, or null for another depth. */
    static PixelType fromBitDepth(int bits) {
        return switch (bits) {
            case 8 -> PixelType.UINT8;
            case 16 -> PixelType.UINT16;
            case 32 -> PixelType.UINT32;
            default -> null;
        };
    }

    /**
     * The pixel type of an RFC 8746 little-endian typed-array tag (64 uint8, 69 uint16, 70 uint32, 78 int32,
     * 85 float32); frames carry little-endian pixels, so big-endian tags are refused rather than swapped.
     */
    static PixelType fromTypedArrayTag(int tag) throws StreamMessageException {
        return switch (tag) {
            case 64 -> PixelType.UINT8;
            case 69 -> PixelType.UINT16;
            case 70 -> PixelType.UINT32;
            case 78 -> PixelType.INT32;
            case 85 -> PixelType.FLOAT32;
            default -> throw new StreamMessageException(Problem.UNKNOWN_ENCODING, "Unsupported typed array tag " + tag
                    + " (supported: 64 uint8, 69 uint16 LE, 70 uint32 LE, 78 int32 LE, 85 float32 LE)");
        };
    }
}
