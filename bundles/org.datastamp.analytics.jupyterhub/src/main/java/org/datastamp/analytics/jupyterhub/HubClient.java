package org.datastamp.analytics.jupyterhub;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part of the JupyterHub REST API the launcher uses (jupyterhub.readthedocs.io, "Starting servers with the
 * JupyterHub API" and the REST API reference), plus the Jupyter Server contents API of the user's server. Every
 * request carries {@code Authorization: token <service token>}; the token's {@code access:servers} scope lets it
 * talk to the user's server too.
 */
final class HubClient {

    /** One event of the spawn progress stream. */
    record ProgressEvent(int progress, String message, boolean ready, boolean failed, String url) {
    }

    /** A refusal or failure of the hub or the user's server, with the message to show. */
    static final class HubException extends Exception {

        private static final long serialVersionUID = 1L;

        HubException(String message) {
            super(message);
        }

        HubException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A progress stream being followed; {@link #ready} completes with the server's URL path. */
    record ProgressWatch(CompletableFuture<String> ready, Runnable cancel) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubSettings settings;
    private final HttpClient http;

    HubClient(HubSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** The user model ({@code GET /hub/api/users/{name}}), empty when the hub has no such user (404). */
    Optional<JsonNode> user(String name) throws HubException {
        HttpResponse<String> r = send(request(settings.api("users/" + segment(name))).GET());
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(json(expect(r, 200)));
    }

    /** Creates the user ({@code POST /hub/api/users/{name}}); 409 means another request created it first. */
    void createUser(String name) throws HubException {
        HttpResponse<String> r = send(request(settings.api("users/" + segment(name)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (r.statusCode() != 409) {
            expect(r, 201);
        }
    }

    /**
     * Asks for the user's default server with {@code userOptions} ({@code POST /hub/api/users/{name}/server}).
     *
     * @return 201 when the server is ready at once, 202 when it is being spawned
     */
    int startServer(String name, ObjectNode userOptions) throws HubException {
        HttpResponse<String> r = send(request(settings.api("users/" + segment(name) + "/server"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(userOptions.toString())));
        return expect(r, 201, 202).statusCode();
    }

    /**
     * Follows {@code GET /hub/api/users/{name}/server/progress} (server-sent events, one JSON object per
     * {@code data:} line); {@code events} sees each one. The future completes with the server's URL path on the
     * {@code ready} event and fails on a {@code failed} event, an error status or a stream that ends before ready.
     */
    ProgressWatch progress(String name, Consumer<ProgressEvent> events) {
        CompletableFuture<String> ready = new CompletableFuture<>();
        EventLines lines = new EventLines(events, ready);
        URI uri = settings.api("users/" + segment(name) + "/server/progress");
        BodyHandler<Void> handler = info -> {
            if (info.statusCode() != 200) {
                ready.completeExceptionally(new HubException(refusal("GET", uri, info.statusCode(), "")));
                return BodySubscribers.replacing(null);
            }
            return BodySubscribers.fromLineSubscriber(lines);
        };
        http.sendAsync(request(uri).header("Accept", "text/event-stream").GET().build(), handler)
                .whenComplete((response, error) -> {
                    if (error != null) {
                        ready.completeExceptionally(unreachable(uri, error));
                    } else if (!ready.isDone()) {
                        ready.completeExceptionally(new HubException("JupyterHub's progress stream for " + name
                                + " ended before the server was ready (last message: " + lines.last + ")"));
                    }
                });
        return new ProgressWatch(ready, lines::cancel);
    }

    /** Whether {@code path} exists in the user's server at {@code server} (Jupyter Server contents API). */
    boolean contentExists(URI server, String path) throws HubException {
        HttpResponse<String> r = send(request(server.resolve("api/contents/" + path + "?content=0")).GET());
        if (r.statusCode() == 404) {
            return false;
        }
        expect(r, 200);
        return true;
    }

    /** Saves {@code model} (a contents model: directory or notebook) at {@code path} in the user's server. */
    void putContent(URI server, String path, ObjectNode model) throws HubException {
        expect(send(request(server.resolve("api/contents/" + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(model.toString()))), 200, 201);
    }

    /** URL-encodes one path segment (hub user names may hold '@' or spaces). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Authorization", "token " + settings.token());
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws HubException {
        HttpRequest request = builder.build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("Interrupted while waiting for JupyterHub at " + request.uri(), e);
        }
    }

    private HubException unreachable(URI uri, Throwable e) {
        Throwable cause = e.getCause() != null && !(e instanceof IOException) ? e.getCause() : e;
        String hint = cause instanceof ConnectException ? "; check that JupyterHub runs and hubUrl ("
                + settings.hubUrl() + ") is right" : "";
        return new HubException("JupyterHub cannot be reached at " + uri + ": " + cause + hint, cause);
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int... statuses) throws HubException {
        for (int s : statuses) {
            if (r.statusCode() == s) {
                return r;
            }
        }
        throw new HubException(refusal(r.request().method(), r.uri(), r.statusCode(), r.body()));
    }

    private static String refusal(String method, URI uri, int status, String body) {
        String message = "";
        try {
            message = body.isBlank() ? "" : JSON.readTree(body).path("message").asText("");
        } catch (IOException notJson) {
            message = body.length() > 200 ? body.substring(0, 200) : body;
        }
        String hint = switch (status) {
            case 401, 403 -> "; the API token must be valid and have the scopes listed in docs/notebooks.md";
            case 400 -> "; the server may be stopping, try again in a minute";
            default -> status >= 500 ? "; see JupyterHub's log" : "";
        };
        return "JupyterHub answered " + status + " to " + method + " " + uri.getPath()
                + (message.isBlank() ? "" : ": " + message) + hint;
    }

    private static JsonNode json(HttpResponse<String> r) throws HubException {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new HubException("JupyterHub answered " + r.uri().getPath() + " with malformed JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Reads {@code data:} lines; other lines (comments, blank separators) are ignored, as the docs say. */
    private static final class EventLines implements Flow.Subscriber<String> {

        private final Consumer<ProgressEvent> events;
        private final CompletableFuture<String> ready;
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;
        volatile String last = "none";

        EventLines(Consumer<ProgressEvent> events, CompletableFuture<String> ready) {
            this.events = events;
            this.ready = ready;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (cancelled || !line.startsWith("data:") || ready.isDone()) {
                return;
            }
            JsonNode e;
            try {
                e = JSON.readTree(line.substring(5).strip());
            } catch (IOException malformed) {
                ready.completeExceptionally(new HubException("JupyterHub sent a malformed progress event: " + line));
                cancel();
                return;
            }
            ProgressEvent event = new ProgressEvent(Math.max(0, Math.min(100, e.path("progress").asInt(0))),
                    e.path("message").asText(""), e.path("ready").asBoolean(false),
                    e.path("failed").asBoolean(false), e.path("url").asText(""));
            last = event.message().isBlank() ? last : event.message();
            events.accept(event);
            if (event.failed()) {
                ready.completeExceptionally(new HubException("JupyterHub could not start the server: "
                        + event.message()));
                cancel();
            } else if (event.ready()) {
                ready.complete(event.url());
                cancel();
            }
        }

        @Override
        public void onError(Throwable t) {
            if (!cancelled) {
                ready.completeExceptionally(new HubException("JupyterHub's progress stream broke: " + t, t));
            }
        }

        @Override
        public void onComplete() {
            // the response future reports an early end
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
