package org.datastamp.controls.tango;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Tango REST API server on loopback implementing the part of the tango-controls rest-api specification (rc4)
 * the connector uses, with the JSON shapes the specification documents: device listing by wildcard, attribute
 * list, attribute infos and values of several attributes, Basic authentication (401 without valid credentials) and
 * Tango failures as {"errors":[{reason, description, severity, origin}], "quality":"FAILURE"}.
 */
final class FakeTangoRestServer implements AutoCloseable {

    static final String USER = "datastamp";
    static final String PASSWORD = "s3cret";
    static final String PREFIX = "/tango/rest/rc4/hosts/tango-cs/10000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEVICE_RESOURCE = Pattern
            .compile(Pattern.quote(PREFIX) + "/devices/([^/]+/[^/]+/[^/]+)/attributes(/info|/value)?");

    /** One attribute: its info (as the API returns it) and current value. */
    record Attribute(String name, String dataFormat, String dataType, String unit, String min, String max,
            Object value) {
    }

    /** A device of the fake Tango database; not exported = its server is stopped. */
    static final class Device {
        final String name;
        final Map<String, Attribute> attributes = new LinkedHashMap<>();
        volatile boolean exported = true;
        volatile long answerDelayMs;

        Device(String name) {
            this.name = name;
        }

        Device attribute(String attr, String type, String unit, String min, String max, Object value) {
            attributes.put(attr, new Attribute(attr, "SCALAR", type, unit, min, max, value));
            return this;
        }

        Device spectrum(String attr, String type) {
            attributes.put(attr, new Attribute(attr, "SPECTRUM", type, "No unit", "Not specified", "Not specified",
                    List.of(1.0, 2.0)));
            return this;
        }
    }

    final Map<String, Device> devices = new LinkedHashMap<>();
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    final long timestamp = 1_767_261_600_123L;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    FakeTangoRestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    Device device(String name) {
        return devices.computeIfAbsent(name, Device::new);
    }

    URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tango/rest/rc4");
    }

    int requestCount(String kind) {
        return requests.getOrDefault(kind, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Tango\"");
                send(exchange, 401, null);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals(PREFIX + "/devices")) {
                count("devices");
                send(exchange, 200, deviceList(query.getOrDefault("wildcard", List.of("*")).get(0)));
                return;
            }
            Matcher m = DEVICE_RESOURCE.matcher(path);
            if (!m.matches()) {
                send(exchange, 404, failure("HTTP404", "No resource " + path));
                return;
            }
            Device device = devices.get(m.group(1));
            String kind = m.group(2) == null ? "attributes" : m.group(2).substring(1);
            count(kind);
            if (device == null) {
                send(exchange, 404, failure("DB_DeviceNotDefined", "device " + m.group(1) + " not defined in the"
                        + " database !"));
                return;
            }
            sleep(device.answerDelayMs);
            if (!device.exported) {
                send(exchange, 502, failure("API_DeviceNotExported", "Device " + device.name + " is not exported"
                        + " (hint: try starting the device server)"));
                return;
            }
            List<String> attrs = query.getOrDefault("attr", List.of());
            switch (kind) {
                case "attributes" -> send(exchange, 200, attributeList(device));
                case "info" -> send(exchange, 200, each(device, attrs, FakeTangoRestServer::info));
                default -> send(exchange, 200, each(device, attrs, this::value));
            }
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private ArrayNode deviceList(String wildcard) {
        Pattern pattern = Pattern.compile(
                Pattern.quote(wildcard).replace("*", "\\E.*\\Q"), Pattern.CASE_INSENSITIVE);
        ArrayNode list = JSON.createArrayNode();
        for (Device device : devices.values()) {
            if (pattern.matcher(device.name).matches()) {
                list.addObject().put("name", device.name).put("href", apiUrl() + "/hosts/tango-cs/10000/devices/"
                        + device.name);
            }
        }
        return list;
    }

    private ArrayNode attributeList(Device device) {
        ArrayNode list = JSON.createArrayNode();
        String href = apiUrl() + "/hosts/tango-cs/10000/devices/" + device.name + "/attributes/";
        for (Attribute attribute : device.attributes.values()) {
            ObjectNode a = list.addObject().put("name", attribute.name()).put("value", href + attribute.name()
                    + "/value").put("info", href + attribute.name() + "/info");
            a.putObject("_links").put("_device", apiUrl() + "/hosts/tango-cs/10000/devices/" + device.name);
        }
        return list;
    }

    private interface ElementWriter {
        JsonNode write(Device device, Attribute attribute);
    }

    private ArrayNode each(Device device, List<String> attrs, ElementWriter writer) {
        ArrayNode list = JSON.createArrayNode();
        for (String name : attrs) {
            Attribute attribute = device.attributes.get(name);
            list.add(attribute == null
                    ? failure("API_AttrNotFound", name + " attribute not found for device " + device.name)
                    : writer.write(device, attribute));
        }
        return list;
    }

    private static JsonNode info(Device device, Attribute a) {
        ObjectNode info = JSON.createObjectNode().put("name", a.name()).put("writable", "READ")
                .put("data_format", a.dataFormat()).put("data_type", a.dataType()).put("max_dim_x", 1)
                .put("max_dim_y", 0).put("description", "No description").put("label", a.name())
                .put("unit", a.unit()).put("standard_unit", "No standard unit")
                .put("display_unit", "No display unit").put("format", "%6.2f").put("min_value", a.min())
                .put("max_value", a.max()).put("min_alarm", "Not specified").put("max_alarm", "Not specified")
                .put("writable_attr_name", "None").put("level", "OPERATOR");
        info.putArray("extensions");
        return info;
    }

    private JsonNode value(Device device, Attribute a) {
        ObjectNode value = JSON.createObjectNode().put("name", a.name());
        value.set("value", JSON.valueToTree(a.value()));
        return value.put("quality", "ATTR_VALID").put("timestamp", timestamp);
    }

    static ObjectNode failure(String reason, String description) {
        ObjectNode failure = JSON.createObjectNode();
        ArrayNode errors = failure.putArray("errors");
        errors.addObject().put("reason", reason).put("description", description).put("severity", "ERR")
                .put("origin", "DeviceProxy");
        return failure.put("quality", "FAILURE").put("timestamp", System.currentTimeMillis());
    }

    private void count(String kind) {
        requests.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            query.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sleep(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
