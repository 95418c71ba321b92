package org.datastamp.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.datastamp.acquisition.api.ScanService;
import org.datastamp.ui.api.WorkbenchView;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The running platform as the tests see it: its services, its HTTP endpoint and its data directory. */
final class Platform {

    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(30);

    private final BundleContext context = FrameworkUtil.getBundle(Platform.class).getBundleContext();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    BundleContext context() {
        return context;
    }

    /** The service, waiting for it to register; fails naming the bundle that should provide it. */
    <S> S service(Class<S> type, String providedBy) {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            S service = tracker.waitForService(SERVICE_TIMEOUT.toMillis());
            if (service == null) {
                fail("No " + type.getSimpleName() + " service within " + SERVICE_TIMEOUT.toSeconds() + " s; is bundle "
                        + providedBy + " in the test runtime and started?");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + type.getSimpleName(), e);
        }
    }

    /** http://localhost:PORT of Felix HTTP, which was told to pick a free port. */
    URI baseUri() {
        service(HttpServiceRuntime.class, "org.apache.felix.http.jetty");
        var reference = context.getServiceReference(HttpServiceRuntime.class);
        Object port = reference.getProperty("org.osgi.service.http.port");
        return URI.create("http://localhost:" + port);
    }

    Path dataDirectory() {
        String dir = context.getProperty("datastamp.data.dir");
        assertTrue(dir != null && !dir.isBlank(), "The test runtime must set datastamp.data.dir (see the pom)");
        return Path.of(dir);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * GET as the bootstrap administrator, whose password the local-accounts bundle writes to
     * {@code <data dir>/admin-password} on first start: private datasets (a scan outside any proposal) are visible
     * only to staff and administrators.
     */
    HttpResponse<String> getAsAdmin(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", adminAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Ids of the workbench views registered now. */
    Set<String> viewIds() {
        try {
            var references = context.getServiceReferences(WorkbenchView.class, null);
            return references.stream().map(reference -> {
                WorkbenchView view = context.getService(reference);
                try {
                    return view == null ? "" : view.id();
                } finally {
                    context.ungetService(reference);
                }
            }).collect(Collectors.toSet());
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** GET as the bootstrap administrator, for binary answers (images, arrays). */
    HttpResponse<byte[]> getBytesAsAdmin(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", adminAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST as the bootstrap administrator (starting scans needs staff, a curator or an admin). */
    HttpResponse<String> postJsonAsAdmin(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", adminAuthorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String adminAuthorization() throws IOException {
        Path passwordFile = dataDirectory().resolve("admin-password");
        await("the bootstrap admin password in " + passwordFile, SERVICE_TIMEOUT, () -> Files.isRegularFile(passwordFile));
        String credentials = "admin:" + Files.readString(passwordFile).strip();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** GET as the bootstrap administrator of a JSON answer that must be 200. */
    JsonNode jsonAsAdmin(String path) {
        try {
            HttpResponse<String> response = getAsAdmin(path);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Runs a simulated scan of {@code frames} 256x256 uint16 frames (pixel (x, y) of frame f is (x + 2y + 3f) mod 200
     * away from a moving spot) through REST; its dataset id and the path of its NeXus file.
     */
    String[] simulatedScan(String title, int frames) throws IOException, InterruptedException {
        service(ScanService.class, "org.datastamp.acquisition.scan");
        HttpResponse<String> started = postJsonAsAdmin("/api/v1/scans", "{\"detectorId\":\"simulated-detector\","
                + "\"frameCount\":" + frames + ",\"title\":\"" + title + "\"}");
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode[] status = new JsonNode[1];
        await("the scan at " + location + " to finish", Duration.ofSeconds(60), () -> {
            status[0] = jsonAsAdmin(location);
            return Set.of("COMPLETED", "FAILED").contains(status[0].get("state").asText());
        });
        assertEquals("COMPLETED", status[0].get("state").asText(), status[0].toString());
        String datasetId = status[0].get("datasetId").asText();
        String file = jsonAsAdmin("/api/v1/datasets/" + datasetId).get("files").get(0).get("path").asText();
        return new String[] {datasetId, file};
    }

    /** Polls {@code condition} every 100 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }

    static boolean isHdf5(Path file) throws IOException {
        byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        byte[] head = new byte[signature.length];
        try (var in = Files.newInputStream(file)) {
            return in.read(head) == head.length && java.util.Arrays.equals(head, signature);
        }
    }
}
