package org.datastamp.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a resource answers: status, JSON body (or raw bytes, such as a PNG), content type and extra headers.
 *
 * @param status      HTTP status
 * @param body        JSON body; ignored when {@code bytes} is set
 * @param contentType {@code application/json}, {@code application/problem+json}, or the type of {@code bytes}
 * @param headers     extra response headers (Location, Allow)
 * @param bytes       a binary body sent as it is, or {@code null} for the JSON body
 */
record ApiResponse(int status, JsonNode body, String contentType, Map<String, String> headers, byte[] bytes) {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    ApiResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
    }

    ApiResponse(int status, JsonNode body, String contentType, Map<String, String> headers) {
        this(status, body, contentType, headers, null);
    }

    /** A 200 answer of binary content, e.g. {@code image/png}. */
    static ApiResponse binary(byte[] bytes, String contentType, Map<String, String> headers) {
        return new ApiResponse(200, com.fasterxml.jackson.databind.node.NullNode.instance, contentType, headers, bytes);
    }

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body, JSON, Map.of());
    }

    static ApiResponse accepted(JsonNode body, String location) {
        return new ApiResponse(202, body, JSON, Map.of("Location", location));
    }

    static ApiResponse problem(Problem problem, Map<String, String> headers) {
        return new ApiResponse(problem.status(), JsonMapping.problem(problem), PROBLEM_JSON, new LinkedHashMap<>(headers));
    }
}
