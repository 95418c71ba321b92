package org.datastamp.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem: the HTTP status, its standard title and a detail a client can show to a person or act on.
 * Written as {@code application/problem+json} with {@code "type":"about:blank"}, so the title is the status's
 * reason phrase and the detail carries the specifics.
 *
 * @param status HTTP status code, 4xx or 5xx
 * @param title  reason phrase of the status
 * @param detail what went wrong with this request, naming the field or id concerned
 * @param members extension members (RFC 9457 section 3.2) a client can act on, e.g. {@code field} or
 *                {@code position}; values are strings, numbers or JSON trees (a list of bad rows, a recall's
 *                status)
 */
record Problem(int status, String title, String detail, Map<String, Object> members) {

    Problem {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A problem has a 4xx or 5xx status, got " + status);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        // kept in insertion order so the JSON document reads in the order the members were added
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    Problem(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    /** This problem with one more extension member. */
    Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(name, value);
        return new Problem(status, title, detail, more);
    }

    static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail);
    }

    static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail);
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
