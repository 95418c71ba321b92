package org.datastamp.tests.browser;

import static org.datastamp.tests.browser.BrowserBench.byTestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A curator's search: three datasets ingested through REST as the bootstrap admin, one of them with its temperature
 * in degrees Celsius; in the workbench a unit-aware query in kelvin finds it, the facets count the hits, and the
 * dataset page shows its metadata with units, files, provenance and download links.
 */
class CatalogueSearchBrowserTest {

    private static final String CHECKSUM = "0123456789abcdef".repeat(4);

    private static BrowserBench bench;

    @BeforeAll
    static void startPlatformAndBrowser() throws IOException {
        bench = BrowserBench.start("search");
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void aUnitAwareQueryFindsTheCelsiusDatasetWithFacetCountsAndOpensIt() throws Exception {
        String outcome = "failed";
        try {
            ingestThreeDatasets();
            awaitSearchable(3);

            bench.openWorkbenchAs(BrowserBench.ADMIN, bench.adminPassword());
            bench.clickable("tab-datasets").click();
            WebElement query = bench.clickable("search-query-input");
            query.click(); // as a person does: RAP routes keys (Enter) to the widget it saw focused by the click
            query.sendKeys("sample_temperature > 290 K");
            query.sendKeys(Keys.ENTER);

            // 300 K and 40 degC (313.15 K) match; 250 K does not.
            WebDriverWait wait = bench.waiting();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("datasets-summary"), "1\u20132 of 2"));
            String table = bench.browser.findElement(byTestId("datasets-table")).getText();
            assertTrue(table.contains("Lysozyme at room temperature"), table);
            assertTrue(table.contains("Lysozyme warm, in Celsius"), table);
            assertFalse(table.contains("Lysozyme cold"), table);
            assertTrue(bench.browser.findElement(byTestId("search-error")).getText().isBlank());

            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("facet-instrument"),
                    "CoSAXS (1)"));
            String instruments = bench.browser.findElement(byTestId("facet-instrument")).getText();
            assertTrue(instruments.contains("SimBeamline (1)"), instruments);
            bench.screenshot("search-results.png");

            wait.until(ExpectedConditions.elementToBeClickable(By.id("dataset-row-browser-warm"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("dataset-metadata"), "degC"));
            String metadata = bench.browser.findElement(byTestId("dataset-metadata")).getText();
            assertTrue(metadata.contains("sample_temperature") && metadata.contains("40"), metadata);
            String files = bench.browser.findElement(byTestId("dataset-files")).getText();
            assertTrue(files.contains("warm.nxs") && files.contains(CHECKSUM), files);
            String properties = bench.browser.findElement(byTestId("dataset-properties")).getText();
            assertTrue(properties.contains("browser-warm") && properties.contains("SAXS"), properties);
            // the pane's download links are real anchors into the REST API (whole dataset as ZIP, each file)
            String zip = bench.browser.findElement(By.id("download-zip")).getAttribute("href");
            assertTrue(zip.endsWith("/api/v1/datasets/browser-warm/download"), zip);
            String file = bench.browser.findElement(byTestId("dataset-files")).findElement(By.linkText("warm.nxs"))
                    .getAttribute("href");
            assertTrue(file.endsWith("/api/v1/datasets/browser-warm/files/warm.nxs"), file);
            outcome = "dataset";

            query = bench.clickable("search-query-input");
            query.click();
            query.clear();
            query.sendKeys("sample_temperature > 300 furlongs");
            query.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("search-error"), "position"));
        } finally {
            bench.screenshot("search-" + outcome + ".png");
        }
    }

    private static void ingestThreeDatasets() throws Exception {
        String batch = "[" + dataset("browser-room", "Lysozyme at room temperature", "SimBeamline", 300, "K") + ","
                + dataset("browser-warm", "Lysozyme warm, in Celsius", "CoSAXS", 40, "degC") + ","
                + dataset("browser-cold", "Lysozyme cold", "SimBeamline", 250, "K") + "]";
        HttpResponse<String> response = bench.asAdmin("POST", "api/v1/datasets/batch", batch);
        assertEquals(201, response.statusCode(), response.body());
        HttpResponse<String> again = bench.asAdmin("POST", "api/v1/datasets/batch", batch);
        assertEquals(200, again.statusCode(), "re-posting the batch is idempotent: " + again.body());
    }

    private static String dataset(String id, String title, String instrument, double temperature, String unit) {
        return """
                {"id":"%s","title":"%s","type":"RAW","instrument":"%s","technique":"SAXS","sampleName":"lysozyme",
                 "location":"raw/%s","startTime":"2024-05-01T10:00:00Z","endTime":"2024-05-01T10:05:00Z",
                 "keywords":["protein"],
                 "files":[{"path":"%s.nxs","size":1048576,"checksumAlgorithm":"SHA-256","checksum":"%s"}],
                 "metadata":[{"name":"sample_temperature","value":%s,"unit":"%s"},
                             {"name":"exposure_time","value":0.5,"unit":"s"}]}
                """.formatted(id, title, instrument, id, id.substring("browser-".length()), CHECKSUM, temperature,
                unit);
    }

    /** The search index follows the catalogue in the background; wait until it has every dataset. */
    private static void awaitSearchable(long expected) {
        ObjectMapper json = new ObjectMapper();
        bench.platform.awaitCondition(expected + " datasets searchable", BrowserBench.PATIENCE, () -> {
            try {
                return json.readTree(bench.asAdmin("GET", "api/v1/datasets", null).body()).get("total")
                        .asLong() >= expected;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }
}
