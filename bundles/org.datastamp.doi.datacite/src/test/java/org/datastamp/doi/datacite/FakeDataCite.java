package org.datastamp.doi.datacite;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.datastamp.doi.api.DoiException;

/**
 * The DataCite REST API's DOI registration on loopback, checking requests as DataCite documents them
 * (support.datacite.org "Create DOIs with the REST API"): JSON:API content type, Basic auth with the repository id,
 * a {@code {"data":{"type":"dois","attributes":{...}}}} body whose {@code xml} is base64 DataCite XML valid against the
 * schema, draft on POST, {@code event: publish} making it findable, and DataCite's error documents otherwise.
 */
final class FakeDataCite implements AutoCloseable {

    static final String REPOSITORY = "MAXIV.DATA";
    static final String PASSWORD = "s3cret-pw";
    static final String PREFIX = "10.80512";

    /** A DOI as DataCite holds it. */
    record Held(String state, String url, String xml) {
    }

    /** A request as received, for assertions. */
    record Received(String method, String path, String contentType, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DataCiteSchema SCHEMA = DataCiteSchema.load(DataCiteSchema.KERNEL);

    final Map<String, Held> dois = new ConcurrentHashMap<>();
    final List<Received> received = new ArrayList<>();
    private final HttpServer server;

    FakeDataCite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/dois", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : parse(raw);
            received.add(new Received(method, path, contentType, body));
            String expectedAuth = "Basic " + Base64.getEncoder().encodeToString((REPOSITORY + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, "Bad credentials.", "");
                return;
            }
            if (!"application/vnd.api+json".equals(contentType)) {
                error(exchange, 415, "The content type is not recognized.", "");
                return;
            }
            if (body == null || !"dois".equals(body.path("data").path("type").asText())
                    || !body.path("data").path("attributes").isObject()) {
                error(exchange, 400, "You need to provide a payload following the JSONAPI spec", "");
                return;
            }
            JsonNode attributes = body.path("data").path("attributes");
            if ("POST".equals(method) && "/dois".equals(path)) {
                create(exchange, attributes);
            } else if ("PUT".equals(method) && path.startsWith("/dois/")) {
                update(exchange, URLDecoder.decode(path.substring("/dois/".length()), StandardCharsets.UTF_8),
                        attributes);
            } else {
                error(exchange, 404, "The resource you are looking for doesn't exist.", "");
            }
        }
    }

    private void create(HttpExchange exchange, JsonNode attributes) throws IOException {
        String doi = attributes.path("doi").asText();
        if (!doi.startsWith(PREFIX + "/")) {
            error(exchange, 403, "You are not authorized to access this resource.", "");
            return;
        }
        if (dois.containsKey(doi)) {
            error(exchange, 422, "This DOI has already been taken", "doi");
            return;
        }
        String xml = xml(exchange, attributes);
        if (xml != null) {
            dois.put(doi, new Held("draft", attributes.path("url").asText(), xml));
            answer(exchange, 201, doi);
        }
    }

    private void update(HttpExchange exchange, String doi, JsonNode attributes) throws IOException {
        Held held = dois.get(doi);
        if (held == null) {
            error(exchange, 404, "The resource you are looking for doesn't exist.", "");
            return;
        }
        String xml = xml(exchange, attributes);
        if (xml == null) {
            return;
        }
        String event = attributes.path("event").asText("");
        String state = switch (event) {
            case "publish" -> "findable";
            case "" -> held.state();
            default -> null;
        };
        if (state == null) {
            error(exchange, 422, "Event " + event + " is not supported here", "event");
            return;
        }
        if ("findable".equals(state) && !attributes.path("url").asText().startsWith("http")) {
            error(exchange, 422, "Url can't be blank", "url");
            return;
        }
        dois.put(doi, new Held(state, attributes.path("url").asText(held.url()), xml));
        answer(exchange, 200, doi);
    }

    /** The base64 DataCite XML of a request, schema-checked as DataCite does; null after answering 422. */
    private String xml(HttpExchange exchange, JsonNode attributes) throws IOException {
        String xml;
        try {
            xml = new String(Base64.getDecoder().decode(attributes.path("xml").asText()), StandardCharsets.UTF_8);
            SCHEMA.validate(xml);
            return xml;
        } catch (IllegalArgumentException | DoiException e) {
            error(exchange, 422, "Xml is invalid: " + e.getMessage(), "xml");
            return null;
        }
    }

    private void answer(HttpExchange exchange, int status, String doi) throws IOException {
        Held held = dois.get(doi);
        String body = JSON.createObjectNode().set("data", JSON.createObjectNode().put("id", doi.toLowerCase())
                .put("type", "dois").set("attributes", JSON.createObjectNode().put("doi", doi)
                        .put("state", held.state()).put("url", held.url()))).toString();
        send(exchange, status, body);
    }

    private static void error(HttpExchange exchange, int status, String title, String source) throws IOException {
        String body = "{\"errors\":[{\"status\":\"" + status + "\",\"title\":" + JSON.writeValueAsString(title)
                + (source.isEmpty() ? "" : ",\"source\":\"" + source + "\"") + "}]}";
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.api+json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode parse(byte[] raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
