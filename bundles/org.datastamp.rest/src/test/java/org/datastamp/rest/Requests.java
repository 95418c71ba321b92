package org.datastamp.rest;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.datastamp.catalog.api.Viewer;

/** Shorthands for the requests the resource tests send. */
final class Requests {

    private Requests() {
    }

    static ApiRequest get(String resourcePath, String path, Map<String, String> query) {
        return get(resourcePath, path, query, Viewer.anonymous());
    }

    static ApiRequest get(String resourcePath, String path, Map<String, String> query, Viewer viewer) {
        return new ApiRequest("GET", path, resourcePath, query, null, viewer);
    }

    static ApiRequest post(String resourcePath, String body) {
        return post(resourcePath, "", body, Viewer.anonymous());
    }

    static ApiRequest post(String resourcePath, String path, String body, Viewer viewer) {
        return new ApiRequest("POST", path, resourcePath, Map.of(), body.getBytes(StandardCharsets.UTF_8), viewer);
    }

    static ApiRequest put(String resourcePath, String path, String body, Viewer viewer) {
        return new ApiRequest("PUT", path, resourcePath, Map.of(), body.getBytes(StandardCharsets.UTF_8), viewer);
    }

    static ApiRequest post(String resourcePath, String path, Viewer viewer, String body) {
        return post(resourcePath, path, body, viewer);
    }
}
