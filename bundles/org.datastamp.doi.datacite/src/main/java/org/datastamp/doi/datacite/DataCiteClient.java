package org.datastamp.doi.datacite;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiException;

/**
 * The calls of the DataCite REST API (JSON:API, {@code application/vnd.api+json}, HTTP Basic with the repository
 * id) this provider needs: create a draft DOI, publish it (state findable), update it. Metadata travels as
 * base64-encoded DataCite XML in the {@code xml} attribute.
 */
final class DataCiteClient {

    static final String JSON_API = "application/vnd.api+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataCiteSettings settings;
    private final HttpClient http;

    DataCiteClient(DataCiteSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** {@code POST /dois}: a draft DOI with its metadata and URL. */
    void createDraft(Doi doi, String xml, String url) throws DoiException {
        ObjectNode attributes = attributes(xml, url);
        attributes.put("doi", doi.value());
        send("POST", "/dois", body(attributes), doi);
    }

    /** {@code PUT /dois/{doi}} with event {@code publish}: the DOI becomes findable. */
    void publish(Doi doi, String xml, String url) throws DoiException {
        ObjectNode attributes = attributes(xml, url);
        attributes.put("event", "publish");
        send("PUT", path(doi), body(attributes), doi);
    }

    /** {@code PUT /dois/{doi}}: new metadata and URL, state unchanged. */
    void update(Doi doi, String xml, String url) throws DoiException {
        send("PUT", path(doi), body(attributes(xml, url)), doi);
    }

    private static String path(Doi doi) {
        // the DOI's slash stays a slash (DataCite routes /dois/10.x/suffix); the rest is encoded
        String[] parts = doi.value().split("/", 2);
        return "/dois/" + parts[0] + "/" + URLEncoder.encode(parts[1], StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ObjectNode attributes(String xml, String url) {
        ObjectNode attributes = JSON.createObjectNode();
        attributes.put("url", url);
        attributes.put("xml", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        return attributes;
    }

    private static String body(ObjectNode attributes) {
        ObjectNode data = JSON.createObjectNode();
        data.put("type", "dois");
        data.set("attributes", attributes);
        ObjectNode document = JSON.createObjectNode();
        document.set("data", data);
        return document.toString();
    }

    private JsonNode send(String method, String path, String body, Doi doi) throws DoiException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.apiUrl() + path))
                .timeout(settings.timeout())
                .header("Content-Type", JSON_API)
                .header("Accept", JSON_API)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (settings.repositoryId() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DoiException("DataCite at " + settings.apiUrl() + " could not be reached for " + doi.value()
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DoiException("Interrupted while registering " + doi.value() + " with DataCite", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw refusal(method, path, response, doi);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new DoiException("DataCite answered " + method + " " + path + " with something that is not JSON: "
                    + e.getMessage(), e);
        }
    }

    /** A DataCite error answer, e.g. {@code {"errors":[{"status":"422","title":"...","source":"doi"}]}}, as a message. */
    private DataCiteRefusal refusal(String method, String path, HttpResponse<String> response, Doi doi) {
        List<String> reasons = new ArrayList<>();
        try {
            for (JsonNode error : JSON.readTree(response.body()).path("errors")) {
                String source = error.path("source").asText("");
                reasons.add(error.path("title").asText("?") + (source.isEmpty() ? "" : " (" + source + ")"));
            }
        } catch (IOException e) {
            // not JSON: the body itself says what went wrong (a proxy's page); keep its start
        }
        if (reasons.isEmpty()) {
            String text = response.body().strip();
            reasons.add(text.isEmpty() ? "no reason given" : text.substring(0, Math.min(200, text.length())));
        }
        String hint = switch (response.statusCode()) {
            case 401 -> "; check repositoryId and the password file";
            case 403 -> "; the repository may not use prefix " + settings.prefix() + " or this DOI";
            case 404 -> "; the DOI is not registered in repository " + settings.repositoryId();
            default -> "";
        };
        return new DataCiteRefusal(response.statusCode(), "DataCite refused " + method + " " + path + " for "
                + doi.value() + " (HTTP " + response.statusCode() + "): " + String.join("; ", reasons) + hint);
    }
}
