package org.datastamp.controls.tango;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.datastamp.controls.api.ControlSystemException;

/**
 * The part of the Tango REST API (tango-controls rest-api specification, rc4 and later) a connector needs: device
 * listing by wildcard, attribute infos and reading several attributes of one device in one request. Every failure
 * becomes a {@link ControlSystemException} whose message names the device (and attribute) and the reason.
 */
final class TangoRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TangoSettings settings;
    private final HttpClient http;
    private final String authorization;

    TangoRestClient(TangoSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
        this.authorization = settings.user().isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
    }

    /** Names of the devices matching a Tango wildcard ({@code GET /devices?wildcard=}). */
    List<String> devices(String wildcard) throws ControlSystemException {
        JsonNode list = get(uri("/devices?wildcard=" + query(wildcard)), "devices matching " + wildcard);
        List<String> names = new ArrayList<>();
        for (JsonNode device : array(list, "devices matching " + wildcard)) {
            names.add(device.path("name").asText());
        }
        return names;
    }

    /** Infos of every attribute of a device: its attribute list, then all their infos in one request. */
    List<TangoAttributeInfo> attributeInfos(String device) throws ControlSystemException {
        String what = "Tango device " + device;
        List<String> names = new ArrayList<>();
        for (JsonNode attribute : array(get(uri(devicePath(device) + "/attributes"), what), what)) {
            names.add(attribute.path("name").asText());
        }
        if (names.isEmpty()) {
            return List.of();
        }
        JsonNode infos = get(uri(devicePath(device) + "/attributes/info?" + attrQuery(names)), what);
        List<TangoAttributeInfo> result = new ArrayList<>();
        for (JsonNode info : array(infos, what)) {
            if (info.has("errors")) {
                throw new ControlSystemException(what + ": attribute info failed: " + errors(info));
            }
            try {
                result.add(TangoAttributeInfo.parse(device, info));
            } catch (IllegalArgumentException e) {
                throw new ControlSystemException(e.getMessage(), e);
            }
        }
        return result;
    }

    /**
     * Reads the given attributes of one device in one request ({@code GET .../attributes/value?attr=..&attr=..}).
     * The future fails with a {@link ControlSystemException}.
     */
    CompletableFuture<List<JsonNode>> readValues(String device, Collection<String> attributes) {
        String what = "Tango device " + device + " (reading " + String.join(", ", attributes) + ")";
        return getAsync(uri(devicePath(device) + "/attributes/value?" + attrQuery(attributes)), what)
                .thenApply(answer -> {
                    try {
                        return array(answer, what);
                    } catch (ControlSystemException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    /** The message of a Tango failure object ({@code {"errors":[{reason, description, ...}], ...}}). */
    static String errors(JsonNode failure) {
        List<String> parts = new ArrayList<>();
        for (JsonNode error : failure.path("errors")) {
            String reason = error.path("reason").asText("");
            String description = error.path("description").asText("");
            String part = reason.isEmpty() ? description : description.isEmpty() ? reason : reason + ": " + description;
            if (!part.isBlank()) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? "no reason given" : String.join("; ", parts);
    }

    /** Waits for a future of this client and gives back its {@link ControlSystemException}. */
    static <T> T await(CompletableFuture<T> future) throws ControlSystemException {
        try {
            return future.get();
        } catch (ExecutionException | CompletionException e) {
            throw unwrap(e.getCause());
        } catch (CancellationException e) {
            throw new ControlSystemException("Tango read cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlSystemException("Interrupted while waiting for the Tango REST API", e);
        }
    }

    private JsonNode get(URI uri, String what) throws ControlSystemException {
        return await(getAsync(uri, what));
    }

    private CompletableFuture<JsonNode> getAsync(URI uri, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(transportFailure(what, uri, unwrapCompletion(failure)));
                    }
                    try {
                        return answer(what, response);
                    } catch (ControlSystemException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    private JsonNode answer(String what, HttpResponse<String> response) throws ControlSystemException {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status == 401 || status == 403) {
            throw new ControlSystemException(what + ": the Tango REST API at " + settings.apiUrl() + " refused "
                    + (authorization == null ? "anonymous access" : "user '" + settings.user() + "'") + " (HTTP "
                    + status + ")");
        }
        if (status / 100 != 2) {
            String reason = body != null && body.has("errors") ? errors(body) : "HTTP " + status;
            throw new ControlSystemException(what + ": " + (status == 404 ? "not found: " : "") + reason
                    + (reason.startsWith("HTTP") ? "" : " (HTTP " + status + ")"));
        }
        if (body == null) {
            throw new ControlSystemException(what + ": the Tango REST API answered HTTP " + status
                    + " with no JSON body");
        }
        return body;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null; // an HTML error page from a proxy: the status code tells the reason
        }
    }

    private ControlSystemException transportFailure(String what, URI uri, Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return new ControlSystemException(what + ": no answer from the Tango REST API within "
                    + settings.timeout().toMillis() + " ms", failure);
        }
        if (failure instanceof ConnectException) {
            return new ControlSystemException(what + ": cannot connect to the Tango REST API at " + uri.getHost()
                    + ":" + uri.getPort(), failure);
        }
        if (failure instanceof IOException) {
            return new ControlSystemException(what + ": " + failure, failure);
        }
        return new ControlSystemException(what + ": unexpected failure " + failure, failure);
    }

    private static List<JsonNode> array(JsonNode node, String what) throws ControlSystemException {
        if (node == null || !node.isArray()) {
            if (node != null && node.has("errors")) {
                throw new ControlSystemException(what + ": " + errors(node));
            }
            throw new ControlSystemException(what + ": expected a JSON array from the Tango REST API, got "
                    + (node == null ? "nothing" : node.getNodeType()));
        }
        List<JsonNode> elements = new ArrayList<>(node.size());
        node.forEach(elements::add);
        return elements;
    }

    private static Throwable unwrapCompletion(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static ControlSystemException unwrap(Throwable failure) {
        Throwable t = unwrapCompletion(failure);
        return t instanceof ControlSystemException cse ? cse
                : new ControlSystemException("Tango REST API failure: " + t, t);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(settings.hostUrl() + pathAndQuery);
    }

    /** Device names hold '/' between domain, family and member, which stay path separators. */
    private static String devicePath(String device) {
        StringBuilder path = new StringBuilder("/devices");
        for (String segment : device.split("/")) {
            path.append('/').append(query(segment));
        }
        return path.toString();
    }

    private static String attrQuery(Collection<String> attributes) {
        return attributes.stream().map(a -> "attr=" + query(a)).collect(Collectors.joining("&"));
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
