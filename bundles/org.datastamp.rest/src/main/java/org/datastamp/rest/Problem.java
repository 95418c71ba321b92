package org.datastamp.rest;

import java.util.Objects;

/**
 * An RFC 9457 problem: the HTTP status, its standard title and a detail a client can show to a person or act on.
 * Written as {@code application/problem+json} with {@code "type":"about:blank"}, so the title is the status's
 * reason phrase and the detail carries the specifics.
 *
 * @param status HTTP status code, 4xx or 5xx
 * @param title  reason phrase of the status
 * @param detail what went wrong with this request, naming the field or id concerned
 */
record Problem(int status, String title, String detail) {

    Problem {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A problem has a 4xx or 5xx status, got " + status);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
    }

    static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail);
    }

    static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail);
    }

    static Problem methodNotAllowed(String detail) {
        return new Problem(405, "Method Not Allowed", detail);
    }

    static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail);
    }

    static Problem payloadTooLarge(String detail) {
        return new Problem(413, "Content Too Large", detail);
    }

    static Problem internalError(String detail) {
        return new Problem(500, "Internal Server Error", detail);
    }

    static Problem unavailable(String detail) {
        return new Problem(503, "Service Unavailable", detail);
    }
}
