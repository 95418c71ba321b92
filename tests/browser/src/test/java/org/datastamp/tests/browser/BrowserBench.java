package org.datastamp.tests.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.datastamp.tests.support.PlatformProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test needs: the packaged Equinox product running on a free port with a fresh data directory,
 * headless Chromium, the bootstrap admin's credentials, the REST API called as that admin, the workbench's sign-in,
 * and screenshots. One per test class.
 */
final class BrowserBench implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The bootstrap administrator the local accounts create on first start; its password is in the data dir. */
    static final String ADMIN = System.getProperty("datastamp.admin.user", "admin");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final PlatformProcess platform;
    final URI base;
    final Path dataDir;
    final WebDriver browser;
    /** Where the browser saves downloads (without asking). */
    final Path downloads;

    private BrowserBench(PlatformProcess platform, URI base, Path dataDir, WebDriver browser, Path downloads) {
        this.platform = platform;
        this.base = base;
        this.dataDir = dataDir;
        this.browser = browser;
        this.downloads = downloads;
    }

    static BrowserBench start(String name) throws IOException {
        Path product = Path.of(System.getProperty("datastamp.product.dir", "missing"));
        Path launcher = product.resolve("bin/datastamp");
        assertTrue(Files.isExecutable(launcher), "No product at " + product
                + "; build it first (./mvnw verify builds product/ before tests/)");
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertTrue(Files.isExecutable(tool),
                    tool + " is missing: apt-get install -y chromium chromium-driver (releng/test does this)");
        }
        Path work = Path.of("target", "browser-test").toAbsolutePath();
        int port = PlatformProcess.freePort();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Path dataDir = work.resolve(name + "-data-" + port);
        PlatformProcess platform = PlatformProcess.start(List.of(launcher.toString()), product,
                Map.of("DATASTAMP_PORT", Integer.toString(port), "DATASTAMP_DATA_DIR", dataDir.toString()),
                work.resolve(name + "-platform.log"));
        try {
            platform.awaitHttpOk(base.resolve("workbench"), PATIENCE);
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1400,900",
                    "--user-data-dir=" + Files.createTempDirectory(work, "chromium-profile"));
            Path downloads = Files.createDirectories(work.resolve(name + "-downloads-" + port));
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new BrowserBench(platform, base, dataDir, new ChromeDriver(service, options), downloads);
        } catch (RuntimeException | IOException e) {
            platform.close();
            throw e;
        }
    }

    /** The bootstrap admin's password, written by the local accounts on first start. */
    String adminPassword() throws IOException {
        Path file = dataDir.resolve("admin-password");
        platform.awaitCondition(file + " written on first start", PATIENCE, () -> Files.isRegularFile(file));
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** A REST call as the bootstrap admin; {@code body} null for GET. */
    HttpResponse<String> asAdmin(String method, String path, String body) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((ADMIN + ":" + adminPassword())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, PATIENCE);
    }

    WebElement clickable(String testId) {
        return waiting().until(ExpectedConditions.elementToBeClickable(byTestId(testId)));
    }

    static By byTestId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    /** Opens the workbench and signs in through the header's form. */
    void openWorkbenchAs(String user, String password) {
        browser.get(base.resolve("workbench").toString());
        clickable("sign-in").click();
        clickable("sign-in-username-input").sendKeys(user);
        clickable("sign-in-password-input").sendKeys(password);
        clickable("sign-in-submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("account-user"),
                "Signed in as " + user));
    }

    /** The content of a file the browser downloaded, once it is complete. */
    byte[] awaitDownload(String fileName) throws IOException {
        Path file = downloads.resolve(fileName);
        platform.awaitCondition(fileName + " downloaded to " + downloads, PATIENCE, () -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        return Files.readAllBytes(file);
    }

    void screenshot(String name) throws IOException {
        Path screenshots = Path.of(System.getProperty("datastamp.screenshot.dir", "target/screenshots"));
        Files.createDirectories(screenshots);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            platform.close();
        }
    }
}
