package org.datastamp.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a resource answers: status, JSON body, content type and extra headers.
 *
 * @param status      HTTP status
 * @param body        JSON body
 * @param contentType {@code application/json} or {@code application/problem+json}
 * @param headers     extra response headers (Location, Allow)
 */
record ApiResponse(int status, JsonNode body, String contentType, Map<String, String> headers) {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    ApiResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
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
