package org.datastamp.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.datastamp.tests.support.PlatformProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A scientist's first minutes: open the workbench in a real browser, start a simulated scan, see the new dataset
 * in the list and its metadata in the detail pane. Runs the packaged Equinox product and Debian's Chromium.
 */
class WorkbenchBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static PlatformProcess platform;
    private static URI base;
    private static WebDriver browser;

    @BeforeAll
    static void startPlatformAndBrowser() throws IOException {
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
        base = URI.create("http://127.0.0.1:" + port + "/");
        platform = PlatformProcess.start(List.of(launcher.toString()), product,
                Map.of("DATASTAMP_PORT", Integer.toString(port),
                        "DATASTAMP_DATA_DIR", work.resolve("data-" + port).toString()),
                work.resolve("platform.log"));
        platform.awaitHttpOk(base.resolve("workbench"), PATIENCE);

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,900",
                "--user-data-dir=" + Files.createTempDirectory(work.getParent(), "chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void startingAScanInTheWorkbenchShowsTheNewDatasetWithItsMetadata() throws Exception {
        String outcome = "failed";
        try {
            browser.get(base.resolve("workbench").toString());
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-testid='capabilities-table']"), "simulated-detector"));

            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='tab-datasets']"))).click();
            WebElement frames = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[data-testid='scan-frame-count-input']")));
            frames.clear();
            frames.sendKeys("3");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='start-scan']"))).click();

            String datasetId = awaitOnlyDataset();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("dataset-row-" + datasetId))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-testid='dataset-metadata']"), "simulated-detector"));
            String properties = browser.findElement(By.cssSelector("[data-testid='dataset-properties']")).getText();
            assertTrue(properties.contains(datasetId), "The detail pane shows the selected dataset: " + properties);
            outcome = "after-scan";
        } finally {
            screenshot("workbench-" + outcome + ".png");
        }
    }

    private static void screenshot(String name) throws IOException {
        Path screenshots = Path.of(System.getProperty("datastamp.screenshot.dir", "target/screenshots"));
        Files.createDirectories(screenshots);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits for the scan to be catalogued and returns the id of the one dataset this fresh platform holds. */
    private static String awaitOnlyDataset() throws Exception {
        ObjectMapper json = new ObjectMapper();
        URI datasets = base.resolve("api/datasets");
        platform.awaitCondition("the scan's dataset in " + datasets, PATIENCE, () -> total(json, datasets) > 0);
        JsonNode page = json.readTree(platform.get(datasets));
        assertEquals(1, page.get("total").asLong(), "one scan, one dataset: " + page);
        return page.get("items").get(0).get("id").asText();
    }

    private static long total(ObjectMapper json, URI datasets) {
        try {
            return json.readTree(platform.get(datasets)).get("total").asLong();
        } catch (Exception e) {
            return -1;
        }
    }
}
