package org.datastamp.tests.browser;

import static org.datastamp.tests.browser.BrowserBench.byTestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A scientist's first minutes: open the workbench in a real browser, sign in, start a simulated scan, see the new
 * dataset in the list and its metadata in the detail pane. Runs the packaged Equinox product and Debian's Chromium.
 */
class WorkbenchBrowserTest {

    private static BrowserBench bench;

    @BeforeAll
    static void startPlatformAndBrowser() throws IOException {
        bench = BrowserBench.start("workbench");
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void startingAScanInTheWorkbenchShowsTheNewDatasetWithItsMetadata() throws Exception {
        String outcome = "failed";
        try {
            // A new scan is private until its embargo ends, so only a signed-in user with rights sees it.
            bench.openWorkbenchAs(BrowserBench.ADMIN, bench.adminPassword());
            WebDriverWait wait = bench.waiting();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("capabilities-table"),
                    "simulated-detector"));

            bench.clickable("tab-datasets").click();
            WebElement frames = bench.clickable("scan-frame-count-input");
            frames.clear();
            frames.sendKeys("3");
            bench.clickable("start-scan").click();

            String datasetId = awaitOnlyDataset();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("dataset-row-" + datasetId))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("dataset-metadata"),
                    "simulated-detector"));
            String properties = bench.browser.findElement(byTestId("dataset-properties")).getText();
            assertTrue(properties.contains(datasetId), "The detail pane shows the selected dataset: " + properties);
            outcome = "after-scan";
        } finally {
            bench.screenshot("workbench-" + outcome + ".png");
        }
    }

    /** Waits for the scan to be catalogued and searchable; returns the id of the one dataset this platform holds. */
    private static String awaitOnlyDataset() throws Exception {
        ObjectMapper json = new ObjectMapper();
        bench.platform.awaitCondition("the scan's dataset in /api/v1/datasets", BrowserBench.PATIENCE,
                () -> total(json) > 0);
        JsonNode page = json.readTree(bench.asAdmin("GET", "api/v1/datasets", null).body());
        assertEquals(1, page.get("total").asLong(), "one scan, one dataset: " + page);
        return page.get("hits").get(0).get("id").asText();
    }

    private static long total(ObjectMapper json) {
        try {
            return json.readTree(bench.asAdmin("GET", "api/v1/datasets", null).body()).get("total").asLong();
        } catch (Exception e) {
            return -1;
        }
    }
}
