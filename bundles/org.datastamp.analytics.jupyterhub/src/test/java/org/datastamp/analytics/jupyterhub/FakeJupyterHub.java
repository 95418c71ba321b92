package org.datastamp.analytics.jupyterhub;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The part of the JupyterHub REST API the launcher uses, on loopback, as jupyterhub.readthedocs.io documents it
 * ("Starting servers with the JupyterHub API", the REST API reference rest-api.yml): {@code Authorization: token}
 * checked on every request (403 with a JSON {@code message} otherwise), {@code GET /hub/api/users/{name}} (404 for
 * unknown users; the model's {@code servers} dict keyed by server name, {@code ""} for the default server),
 * {@code POST /hub/api/users/{name}} (201), {@code POST /hub/api/users/{name}/server} with the {@code user_options}
 * JSON body (201 ready, 202 spawning, 400 when already running), the progress event stream
 * ({@code data: {json}} lines, {@code ready} and {@code url} on the last), and the user's server's Jupyter Server
 * contents API under {@code /user/{name}/api/contents/} (GET with {@code content=0}, PUT of directory and notebook
 * models, 201 created or 200 saved).
 */
final class FakeJupyterHub implements AutoCloseable {

    static final String TOKEN = "service-token-1234";

    /** How a spawn goes. */
    enum Spawn {
        /** 201: the server is ready at once. */
        IMMEDIATE,
        /** 202, then progress events until ready once {@link #release} is called. */
        PROGRESS,
        /** 202, then one progress event and nothing more. */
        NEVER_READY,
        /** 202, then a {@code failed} event. */
        FAILS,
        /** 500 on the spawn request. */
        ERROR
    }

    /** A request as received. */
    record Received(String method, String path, String authorization, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USER = Pattern.compile("/hub/api/users/([^/]+)(/server(/progress)?)?");
    private static final Pattern CONTENTS = Pattern.compile("/user/([^/]+)/api/contents/(.+)");

    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Users and whether their default server runs: absent = no user, "" = no server, "spawn", "ready". */
    final Map<String, String> users = new ConcurrentHashMap<>();
    /** Contents of users' servers by "user/path": the models PUT. */
    final Map<String, JsonNode> contents = new ConcurrentHashMap<>();
    volatile Spawn spawn = Spawn.PROGRESS;
    /** Lets the PROGRESS spawn finish; tests count it down after they have seen the SPAWNING state. */
    final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    FakeJupyterHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    List<String> requestLines() {
        return received.stream().map(r -> r.method() + " " + r.path()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            JsonNode body = bytes.length == 0 ? null : JSON.readTree(bytes);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(new Received(method, path, auth, body));
            if (!("token " + TOKEN).equals(auth)) {
                error(exchange, 403, "Action is not authorized with current scopes; requires any of [servers]");
                return;
            }
            Matcher m;
            if ((m = USER.matcher(path)).matches()) {
                user(exchange, method, decode(m.group(1)), m.group(2) != null, m.group(3) != null, body);
            } else if ((m = CONTENTS.matcher(path)).matches()) {
                contents(exchange, method, decode(m.group(1)), decode(m.group(2)), body);
            } else {
                error(exchange, 404, "Not Found");
            }
        } catch (RuntimeException | InterruptedException e) {
            error(exchange, 500, e.toString());
        }
    }

    private void user(HttpExchange exchange, String method, String name, boolean server, boolean progress,
            JsonNode body) throws IOException, InterruptedException {
        String state = users.get(name);
        if (!server && method.equals("GET")) {
            if (state == null) {
                error(exchange, 404, "No such user: " + name);
            } else {
                json(exchange, 200, model(name, state));
            }
        } else if (!server && method.equals("POST")) {
            if (state != null) {
                error(exchange, 409, "User " + name + " already exists");
            } else {
                users.put(name, "");
                json(exchange, 201, model(name, ""));
            }
        } else if (state == null) {
            error(exchange, 404, "No such user: " + name);
        } else if (!progress && method.equals("POST")) {
            startServer(exchange, name, state, body);
        } else if (progress && method.equals("GET")) {
            progress(exchange, name);
        } else {
            error(exchange, 405, method + " not allowed");
        }
    }

    private void startServer(HttpExchange exchange, String name, String state, JsonNode body) throws IOException {
        if (!state.isEmpty()) {
            error(exchange, 400, name + " is already running");
            return;
        }
        if (body == null || !body.isObject()
                || !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            error(exchange, 400, "user_options must be a JSON object");
            return;
        }
        switch (spawn) {
            case IMMEDIATE -> {
                users.put(name, "ready");
                exchange.sendResponseHeaders(201, -1);
            }
            case ERROR -> error(exchange, 500, "Unhandled error starting server");
            default -> {
                users.put(name, "spawn");
                exchange.sendResponseHeaders(202, -1);
            }
        }
    }

    private void progress(HttpExchange exchange, String name) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        if ("ready".equals(users.get(name))) {
            event(out, "{\"progress\": 100, \"ready\": true, \"message\": \"Server ready at /user/" + name
                    + "/\", \"url\": \"/user/" + name + "/\"}");
            return;
        }
        out.write(": a comment line, ignored\n\n".getBytes(StandardCharsets.UTF_8));
        event(out, "{\"progress\": 0, \"message\": \"Server requested\"}");
        event(out, "{\"progress\": 50, \"message\": \"Spawning server...\"}");
        switch (spawn) {
            case FAILS -> event(out, "{\"progress\": 100, \"failed\": true, \"message\": \"Spawn failed: image"
                    + " pull error\"}");
            case NEVER_READY -> closing.await(30, TimeUnit.SECONDS);
            default -> {
                release.await(30, TimeUnit.SECONDS);
                users.put(name, "ready");
                event(out, "{\"progress\": 100, \"ready\": true, \"message\": \"Server ready at /user/" + name
                        + "/\", \"html_message\": \"ready\", \"url\": \"/user/" + name + "/\"}");
            }
        }
    }

    private void contents(HttpExchange exchange, String method, String name, String path, JsonNode body)
            throws IOException {
        if (!"ready".equals(users.get(name))) {
            error(exchange, 503, name + "'s server is not running");
            return;
        }
        String key = name + "/" + path;
        if (method.equals("GET")) {
            JsonNode held = contents.get(key);
            if (held == null) {
                error(exchange, 404, "No such file or directory: " + path);
            } else {
                ObjectNode model = JSON.createObjectNode();
                model.put("path", path);
                model.put("type", held.path("type").asText());
                model.putNull("content");
                json(exchange, 200, model);
            }
        } else if (method.equals("PUT")) {
            String type = body == null ? "" : body.path("type").asText();
            boolean notebook = type.equals("notebook") && body.path("format").asText().equals("json")
                    && body.path("content").isObject();
            if (!notebook && !type.equals("directory")) {
                error(exchange, 400, "Unexpected model type: " + type);
                return;
            }
            int parentEnd = path.lastIndexOf('/');
            if (parentEnd > 0 && !contents.containsKey(name + "/" + path.substring(0, parentEnd))) {
                error(exchange, 404, "No such directory: " + path.substring(0, parentEnd));
                return;
            }
            boolean created = contents.put(key, body) == null;
            ObjectNode model = JSON.createObjectNode();
            model.put("path", path);
            model.put("type", type);
            json(exchange, created ? 201 : 200, model);
        } else {
            error(exchange, 405, method + " not allowed");
        }
    }

    private ObjectNode model(String name, String state) {
        ObjectNode user = JSON.createObjectNode();
        user.put("kind", "user");
        user.put("name", name);
        user.put("admin", false);
        user.putArray("roles").add("user");
        ObjectNode servers = user.putObject("servers");
        if (!state.isEmpty()) {
            ObjectNode server = servers.putObject("");
            server.put("name", "");
            server.put("ready", state.equals("ready"));
            if (state.equals("ready")) {
                server.putNull("pending");
            } else {
                server.put("pending", state);
            }
            server.put("url", "/user/" + name + "/");
            server.put("progress_url", "/hub/api/users/" + name + "/server/progress");
        }
        return user;
    }

    private static void event(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", status);
        body.put("message", message);
        json(exchange, status, body);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closing.countDown();
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
