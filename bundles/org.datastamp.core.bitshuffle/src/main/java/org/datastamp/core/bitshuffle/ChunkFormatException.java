package org.datastamp.core.bitshuffle;

import java.io.IOException;

/** A chunk that is not valid in its filter's format, or uses a variant this decoder does not handle. */
public class ChunkFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ChunkFormatException(String message) {
        super(message);
    }

    public ChunkFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
