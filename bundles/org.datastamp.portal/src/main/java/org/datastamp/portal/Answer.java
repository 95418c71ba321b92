package org.datastamp.portal;

import java.util.Map;
import java.util.Objects;

/**
 * What a portal resource answers, free of the servlet API so resources are tested without a container.
 *
 * @param status      HTTP status
 * @param contentType full content type with charset
 * @param body        the text
 * @param headers     extra headers
 */
record Answer(int status, String contentType, String body, Map<String, String> headers) {

    Answer {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    static Answer of(int status, String contentType, String body) {
        return new Answer(status, contentType, body, Map.of());
    }
}
