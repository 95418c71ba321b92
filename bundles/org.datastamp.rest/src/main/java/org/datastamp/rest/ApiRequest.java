package org.datastamp.rest;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.datastamp.catalog.api.Viewer;

/**
 * An HTTP request as the resources see it, free of the servlet API so they can be tested without a container.
 *
 * @param method         HTTP method, upper case
 * @param path           the part of the path after the resource's own path: {@code ""} for the resource itself,
 *                       {@code "/ds-1"} for one item
 * @param resourcePath   absolute path of the resource, e.g. {@code /api/v1/scans}; used to build Location headers
 * @param query          query parameters (the first value of each)
 * @param body           request body, empty when there is none
 * @param viewer         who sent it, as {@link ApiAuthentication} established; anonymous without credentials
 * @param contentType    media type of the body as the client declared it (without parameters), empty if none
 */
record ApiRequest(String method, String path, String resourcePath, Map<String, String> query, byte[] body,
        Viewer viewer, String contentType) {

    ApiRequest {
        Objects.requireNonNull(method, "method");
        path = path == null || path.equals("/") ? "" : path;
        Objects.requireNonNull(resourcePath, "resourcePath");
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
        Objects.requireNonNull(viewer, "viewer");
        contentType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A request whose body's media type does not matter (JSON resources). */
    ApiRequest(String method, String path, String resourcePath, Map<String, String> query, byte[] body,
            Viewer viewer) {
        this(method, path, resourcePath, query, body, viewer, "");
    }

    Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /**
     * Checks the method is one the addressed resource answers.
     *
     * @throws ProblemException 405 with an {@code Allow} header listing {@code allowed}
     */
    void requireMethod(String... allowed) throws ProblemException {
        for (String candidate : allowed) {
            if (candidate.equals(method)) {
                return;
            }
        }
        String allow = String.join(", ", allowed);
        throw new ProblemException(Problem.methodNotAllowed(resourcePath + path + " answers " + allow + ", not " + method),
                Map.of("Allow", allow));
    }

    /** The single path segment after the resource path (an item id), or empty for the resource itself. */
    Optional<String> itemSegment() throws ProblemException {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String segment = path.substring(1);
        if (segment.isEmpty() || segment.contains("/")) {
            throw new ProblemException(Problem.notFound("Nothing at " + resourcePath + path
                    + "; items are addressed as " + resourcePath + "/{id}"));
        }
        return Optional.of(segment);
    }

    /** Absolute path of an item of this resource, for Location headers and links. */
    String itemPath(String id) {
        return resourcePath + "/" + id;
    }
}
