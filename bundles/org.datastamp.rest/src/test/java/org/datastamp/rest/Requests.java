package org.datastamp.rest;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Shorthands for the requests the resource tests send. */
final class Requests {

    private Requests() {
    }

    static ApiRequest get(String resourcePath, String path, Map<String, String> query) {
        return new ApiRequest("GET", path, resourcePath, query, null);
    }

    static ApiRequest post(String resourcePath, String body) {
        return new ApiRequest("POST", "", resourcePath, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
