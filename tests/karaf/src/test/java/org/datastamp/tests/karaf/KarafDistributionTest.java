package org.datastamp.tests.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datastamp.tests.support.PlatformProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Karaf distribution as an administrator gets it: unpacked from the tar.gz, started with {@code bin/karaf server}
 * on free ports, used over HTTP and the remote shell, given a plugin through {@code deploy/}, and stopped. Prints the
 * platform figures (start time to first HTTP 200, idle RSS, hot-deploy latency).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KarafDistributionTest {

    /** The capabilities of the families in the distribution's boot features. */
    private static final Map<String, String> BUILT_IN = Map.of(
            "simulated-detector", "org.datastamp.detector.simulated",
            "simulated-controls", "org.datastamp.controls.simulated",
            "hot-disk", "org.datastamp.storage.disk",
            "embedded-catalog", "org.datastamp.catalog.jdbc");
    private static final List<String> FEATURES = List.of("datastamp-core", "datastamp-detector", "datastamp-controls",
            "datastamp-storage", "datastamp-catalog", "datastamp-search", "datastamp-security", "datastamp-acquisition",
            "datastamp-rest", "datastamp-ui", "datastamp-shell");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(30);
    private static final String EXAMPLE = "example-detector";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> figures = new LinkedHashMap<>();
    private KarafHome home;
    private PlatformProcess karaf;
    private URI base;

    @BeforeAll
    void startDistribution() throws IOException {
        Path work = Path.of(System.getProperty("datastamp.karaf.work", "target/karaf"));
        home = KarafHome.unpack(Path.of(requiredProperty("datastamp.karaf.archive")), work);
        home.useFreePorts();
        home.addAdministrator("datastamp-test", UUID.randomUUID().toString());
        base = URI.create("http://127.0.0.1:" + home.httpPort() + "/");

        karaf = PlatformProcess.start(List.of(home.path("bin/karaf").toString(), "server"), home.root(),
                home.environment(), work.resolve("karaf-console.log"));
        Duration firstOk = withKarafLog(() -> karaf.awaitHttpOk(base.resolve("api/capabilities"), START_TIMEOUT));
        figures.put("start to first HTTP 200 of /api/capabilities", firstOk.toMillis() + " ms");
        withKarafLog(() -> {
            karaf.awaitCondition("the built-in capabilities " + BUILT_IN.keySet(), START_TIMEOUT,
                    () -> capabilityIds().containsAll(BUILT_IN.keySet()));
            return null;
        });
    }

    @AfterAll
    void stopDistribution() {
        if (karaf != null) {
            karaf.close();
        }
        StringBuilder report = new StringBuilder("\nKaraf distribution figures (" + Runtime.getRuntime()
                .availableProcessors() + " cores, Java " + System.getProperty("java.version") + "):\n");
        figures.forEach((name, value) -> report.append(String.format("  %-48s %s%n", name, value)));
        System.out.println(report);
    }

    @Test
    @Order(1)
    void restListsTheBuiltInCapabilitiesWithTheirBundles() throws Exception {
        JsonNode capabilities = JSON.readTree(get("api/capabilities").body());

        for (Map.Entry<String, String> expected : BUILT_IN.entrySet()) {
            JsonNode capability = find(capabilities, expected.getKey());
            assertTrue(capability != null, "No " + expected.getKey() + " in " + capabilities);
            assertEquals(expected.getValue(), capability.path("bundle").asText(), capability.toString());
            assertEquals("ACTIVE", capability.path("state").asText(), capability.toString());
        }
        Path expected = dataDirectory().resolve("hot");
        String hotDisk = find(capabilities, "hot-disk").path("displayName").asText();
        assertTrue(hotDisk.contains(expected.toString()), hotDisk);
    }

    @Test
    @Order(1)
    void theBootstrapAdminSearchesTheCatalogueWithUnits() throws Exception {
        // Units (Indriya), the index (Lucene) and the schema (Flyway) are wrapped or service-loaded libraries: this
        // proves they work under Karaf's framework too, not only under Equinox
        Path passwordFile = dataDirectory().resolve("admin-password");
        karaf.awaitCondition("the bootstrap admin password in " + passwordFile, DEPLOY_TIMEOUT,
                () -> Files.isRegularFile(passwordFile));
        String credentials = "admin:" + Files.readString(passwordFile).strip();
        HttpRequest search = HttpRequest.newBuilder(base.resolve("api/v1/datasets?facets=instrument&q="
                + URLEncoder.encode("sample_temperature > 300 K", StandardCharsets.UTF_8)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build();
        // The search component may still be starting when the rest of the API already answers (503 until then)
        AtomicReference<HttpResponse<String>> answers = new AtomicReference<>();
        karaf.awaitCondition("GET /api/v1/datasets to answer other than 503", DEPLOY_TIMEOUT, () -> {
            try {
                answers.set(HTTP.send(search, HttpResponse.BodyHandlers.ofString()));
                return answers.get().statusCode() != 503;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        HttpResponse<String> answer = answers.get();

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(JSON.readTree(answer.body()).has("total"), answer.body());
        assertEquals(400, get("api/v1/datasets?q=" + URLEncoder.encode("sample_temperature > 3 furlongs",
                StandardCharsets.UTF_8)).statusCode(), "an unknown unit is a query error");
    }

    @Test
    @Order(2)
    void everyDataStampFeatureIsStarted() throws Exception {
        String features = home.shell("feature:list --installed --no-format", karaf);

        for (String feature : FEATURES) {
            assertTrue(features.lines().anyMatch(l -> l.matches(Pattern.quote(feature) + "\\s*\t.*\tStarted\t.*")),
                    feature + " is not started:\n" + features);
        }
    }

    @Test
    @Order(3)
    void workbenchIsServedAndTheRootRedirectsToIt() throws Exception {
        HttpResponse<String> root = get("");
        assertEquals(302, root.statusCode(), "GET / " + root.body());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/workbench"), root.headers().toString());

        HttpResponse<String> workbench = withKarafLog(() -> {
            karaf.awaitCondition("HTTP 200 from /workbench", DEPLOY_TIMEOUT,
                    () -> PlatformProcess.status(base.resolve("workbench")) == 200);
            return get("workbench");
        });
        // RAP's start page only loads its client; a blank page means the client script did not come
        Matcher script = Pattern.compile("src=\"([^\"]*rap-client\\.js)\"").matcher(workbench.body());
        assertTrue(script.find(), "not RAP's start page:\n" + workbench.body());
        HttpResponse<String> client = get(base.resolve("workbench").resolve(script.group(1)).getPath().substring(1));
        assertEquals(200, client.statusCode(), "GET " + script.group(1));
        assertTrue(client.body().length() > 100_000 && client.body().contains("rwt"), "not RAP's client script");
    }

    @Test
    @Order(4)
    void workbenchShowsTheCapabilitiesInABrowser() throws Exception {
        Path work = Path.of(System.getProperty("datastamp.karaf.work", "target/karaf"));
        WebDriver browser = Browser.start(work);
        try {
            browser.get(base.resolve("workbench").toString());
            new WebDriverWait(browser, DEPLOY_TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-testid='capabilities-table']"), "simulated-detector"));
            String table = browser.findElement(By.cssSelector("[data-testid='capabilities-table']")).getText();
            for (String id : BUILT_IN.keySet()) {
                assertTrue(table.contains(id), id + " not in the workbench's table:\n" + table);
            }
        } catch (TimeoutException e) {
            throw new AssertionError("The workbench did not show its capabilities table within "
                    + DEPLOY_TIMEOUT.toSeconds() + " s\n--- karaf.log:\n" + home.logTail(60), e);
        } finally {
            Browser.screenshot(browser, work.resolve("workbench.png"));
            browser.quit();
        }
    }

    @Test
    @Order(5)
    void shellCommandListsCapabilitiesAsATable() throws Exception {
        String table = home.shell("datastamp:capabilities", karaf);

        List<String> lines = table.lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.get(0).matches("Kind\\s+\\| Id\\s+\\| Name\\s+\\| Bundle\\s+\\| Version\\s+\\| State\\s*"),
                table);
        for (Map.Entry<String, String> expected : BUILT_IN.entrySet()) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("| " + expected.getKey() + " ")
                    && l.contains("| " + expected.getValue() + " ") && l.endsWith("| ACTIVE")), table);
        }
    }

    @Test
    @Order(6)
    void idleMemoryStaysModest() throws Exception {
        Thread.sleep(5_000); // let start-up garbage and JIT settle before measuring
        long mib = karaf.residentKib() / 1024;
        figures.put("idle RSS (JVM and launcher script)", mib + " MiB");
        // Karaf 4.4 with Pax Web, RAP and our bundles idles at a few hundred MiB; a gigabyte means a leak or a
        // runaway thread pool.
        assertTrue(mib > 50 && mib < 1024, "idle resident memory " + mib + " MiB");
    }

    @Test
    @Order(7)
    void pluginDroppedIntoDeployAppearsAndLeavesWhenDeleted() throws Exception {
        Path plugin = Path.of(requiredProperty("datastamp.example.plugin"));
        Path deployed = home.path("deploy").resolve(plugin.getFileName());

        long copied = System.nanoTime();
        Files.copy(plugin, deployed, StandardCopyOption.REPLACE_EXISTING);
        withKarafLog(() -> {
            karaf.awaitCondition(EXAMPLE + " in /api/capabilities after copying " + deployed, DEPLOY_TIMEOUT,
                    () -> capabilityIds().contains(EXAMPLE));
            return null;
        });
        figures.put("hot deploy (jar copied -> capability listed)",
                Duration.ofNanos(System.nanoTime() - copied).toMillis() + " ms");
        assertTrue(home.shell("datastamp:capabilities --kind detector", karaf).contains(EXAMPLE));

        long deleted = System.nanoTime();
        Files.delete(deployed);
        withKarafLog(() -> {
            karaf.awaitCondition(EXAMPLE + " gone from /api/capabilities after deleting " + deployed, DEPLOY_TIMEOUT,
                    () -> !capabilityIds().contains(EXAMPLE) && capabilityIds().containsAll(BUILT_IN.keySet()));
            return null;
        });
        figures.put("hot undeploy (jar deleted -> capability gone)",
                Duration.ofNanos(System.nanoTime() - deleted).toMillis() + " ms");
    }

    @Test
    @Order(8)
    void binStopEndsKarafCleanly() throws Exception {
        Path console = Path.of(System.getProperty("datastamp.karaf.work", "target/karaf"), "karaf-console.log");
        long asked = System.nanoTime();
        home.run("bin/stop");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (karaf.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(!karaf.isAlive(), "Karaf still runs 60 s after bin/stop\n--- karaf.log:\n" + home.logTail(60));
        figures.put("stop (bin/stop -> process gone)", Duration.ofNanos(System.nanoTime() - asked).toMillis() + " ms");
        // Errors while bundles stop (e.g. a service factory failing to release) land in either log
        for (Path log : List.of(console, home.path("data/log/karaf.log"))) {
            List<String> errors = Files.readAllLines(log).stream().filter(l -> l.contains("ERROR")).toList();
            assertTrue(errors.isEmpty(), log + " has errors:\n" + String.join("\n", errors));
        }
    }

    /** Ids listed by GET /api/capabilities now; empty while REST is not (yet) answering 200. */
    private List<String> capabilityIds() {
        try {
            HttpResponse<String> response = get("api/capabilities");
            if (response.statusCode() != 200) {
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            JSON.readTree(response.body()).forEach(c -> ids.add(c.path("id").asText()));
            return ids;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** etc/system.properties: DATASTAMP_DATA_DIR, else var/datastamp in the installation, outside Karaf's cache. */
    private Path dataDirectory() {
        String dataDir = System.getenv("DATASTAMP_DATA_DIR");
        return dataDir == null ? home.path("var/datastamp") : Path.of(dataDir);
    }

    private HttpResponse<String> get(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted during GET " + path, e);
        }
    }

    private static JsonNode find(JsonNode capabilities, String id) {
        for (JsonNode capability : capabilities) {
            if (id.equals(capability.path("id").asText())) {
                return capability;
            }
        }
        return null;
    }

    /** Runs {@code step}; a failure gets the tail of Karaf's own log (data/log/karaf.log), where Karaf reports. */
    private <T> T withKarafLog(ThrowingSupplier<T> step) throws IOException {
        try {
            return step.get();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- tail of " + home.path("data/log/karaf.log") + ":\n"
                    + home.logTail(80), e);
        }
    }

    private interface ThrowingSupplier<T> {
        T get() throws IOException;
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set; run this test through Maven "
                    + "(tests/karaf/pom.xml sets it)");
        }
        return value;
    }
}
