package org.datastamp.detector.api;

/** Pixel data types detectors deliver, with their size; frames carry pixels little-endian. */
public enum PixelType {
    UINT8(1), UINT16(2), UINT32(4), INT32(4), FLOAT32(4);

    private final int bytes;

    PixelType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per pixel. */
    public int bytes() {
        return bytes;
    }
}
