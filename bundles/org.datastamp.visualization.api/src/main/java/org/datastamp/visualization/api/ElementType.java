package org.datastamp.visualization.api;

/** Numeric element types a data file can hold, with their numpy names and sizes. */
public enum ElementType {
    INT8("int8", 1, true, false), UINT8("uint8", 1, false, false), INT16("int16", 2, true, false),
    UINT16("uint16", 2, false, false), INT32("int32", 4, true, false), UINT32("uint32", 4, false, false),
    INT64("int64", 8, true, false), UINT64("uint64", 8, false, false), FLOAT32("float32", 4, true, true),
    FLOAT64("float64", 8, true, true);

    private final String numpyName;
    private final int bytes;
    private final boolean signed;
    private final boolean floating;

    ElementType(String numpyName, int bytes, boolean signed, boolean floating) {
        this.numpyName = numpyName;
        this.bytes = bytes;
        this.signed = signed;
        this.floating = floating;
    }

    /** numpy-style name, e.g. {@code uint16}. */
    public String numpyName() {
        return numpyName;
    }

    public int bytes() {
        return bytes;
    }

    public boolean signed() {
        return signed;
    }

    public boolean floating() {
        return floating;
    }

    /** Unsigned integer types: detectors mark gaps and dead pixels with the largest value, 2^n-1. */
    public boolean hasInvalidMarker() {
        return !signed && !floating;
    }
}
