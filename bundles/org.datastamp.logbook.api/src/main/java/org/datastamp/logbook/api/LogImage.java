package org.datastamp.logbook.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An image uploaded to a session's logbook.
 *
 * @param id        image id, used in notes as {@code ![caption](image:ID)}
 * @param sessionId the session
 * @param name      file name as uploaded
 * @param mediaType {@code image/png}, {@code image/jpeg} or {@code image/tiff}, from the content
 * @param width     pixels
 * @param height    pixels
 * @param size      bytes
 * @param author    who uploaded it
 * @param created   when
 */
public record LogImage(String id, String sessionId, String name, String mediaType, int width, int height, long size,
        String author, Instant created) {

    public LogImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(created, "created");
    }
}
