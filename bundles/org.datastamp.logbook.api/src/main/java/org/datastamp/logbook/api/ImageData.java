package org.datastamp.logbook.api;

import java.util.Objects;

/**
 * Bytes of an image or thumbnail.
 *
 * @param mediaType its media type
 * @param content   the bytes
 */
public record ImageData(String mediaType, byte[] content) {

    public ImageData {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }
}
