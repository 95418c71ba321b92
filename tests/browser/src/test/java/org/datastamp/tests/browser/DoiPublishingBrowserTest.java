package org.datastamp.tests.browser;

import static org.datastamp.tests.browser.BrowserBench.byTestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Publishing in the browser: a curator asks for a DOI in the workbench's DOIs tab with the form the catalogue fills
 * in, approves it, and the landing page then shows the dataset with schema.org JSON-LD as a browser parses it and
 * working download links (the whole dataset as a ZIP, one file by byte range), all without signing in.
 */
class DoiPublishingBrowserTest {

    private static final String CONTENT = "NeXus bytes of the published scan";

    private static BrowserBench bench;

    @BeforeAll
    static void startPlatformAndBrowser() throws IOException {
        bench = BrowserBench.start("doi");
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void aCuratorMintsADoiAndTheLandingPageServesTheData() throws Exception {
        String outcome = "failed";
        try {
            ingestDatasetWithAFile();
            bench.openWorkbenchAs(BrowserBench.ADMIN, bench.adminPassword());
            bench.clickable("tab-dois").click();
            WebElement datasets = bench.clickable("doi-datasets-input");
            datasets.click();
            datasets.sendKeys("browser-doi");
            bench.clickable("doi-prefill").click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("doi-status"),
                    "Check the form"));
            assertEquals("Published scan", bench.browser.findElement(byTestId("doi-title-input"))
                    .getDomProperty("value"));
            bench.clickable("doi-request").click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("doi-status"),
                    "Requested as dr-"));
            String requestId = find("Requested as (dr-[a-z0-9]+)", status());
            bench.waiting().until(ExpectedConditions.elementToBeClickable(By.id("doi-request-" + requestId))).click();
            bench.clickable("doi-approve").click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("doi-status"),
                    "REGISTERED"));
            String doi = find("REGISTERED: (10\\.80000/\\S+)", status());
            bench.screenshot("doi-registered.png");
            outcome = "registered";

            bench.browser.manage().deleteAllCookies(); // the landing page is for everyone
            bench.browser.get(bench.base.resolve("doi/" + doi).toString());
            assertEquals("Published scan", bench.browser.findElement(By.id("title")).getText());
            JavascriptExecutor js = (JavascriptExecutor) bench.browser;
            assertEquals("Dataset", js.executeScript("return JSON.parse(document.querySelector("
                    + "'script[type=\"application/ld+json\"]').textContent)['@type'];"));
            Object zipBytes = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(document.querySelector('a.zip').href).then(r => r.ok ? r.arrayBuffer() : null)"
                    + ".then(b => done(b ? b.byteLength : -1)).catch(e => done('' + e));");
            assertTrue(zipBytes instanceof Number n && n.longValue() > CONTENT.length(), "ZIP bytes: " + zipBytes);
            Object ranged = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(document.querySelector('section.dataset td a').href, {headers: {Range: 'bytes=0-4'}})"
                    + ".then(r => r.text().then(t => done(r.status + ' ' + t))).catch(e => done('' + e));");
            assertEquals("206 NeXus", ranged);
            bench.screenshot("doi-landing-page.png");
            outcome = "landing";
        } finally {
            bench.screenshot("doi-" + outcome + ".png");
        }
    }

    private static String status() {
        return bench.browser.findElement(byTestId("doi-status")).getText();
    }

    private static String find(String pattern, String text) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertTrue(m.find(), pattern + " in '" + text + "'");
        return m.group(1);
    }

    /** The file goes straight into the hot tier's folder, where a scan would have written it. */
    private static void ingestDatasetWithAFile() throws Exception {
        Path file = bench.dataDir.resolve("hot/raw/browser-doi/scan.nxs");
        Files.createDirectories(file.getParent());
        Files.writeString(file, CONTENT, StandardCharsets.UTF_8);
        String dataset = """
                [{"id":"browser-doi","title":"Published scan","type":"RAW","instrument":"CoSAXS","technique":"SAXS",
                  "location":"raw/browser-doi","startTime":"2024-05-01T10:00:00Z","endTime":"2024-05-01T10:05:00Z",
                  "files":[{"path":"scan.nxs","size":%d,"checksumAlgorithm":"SHA-256","checksum":"%s"}],
                  "metadata":[]}]
                """.formatted(CONTENT.length(), "ab".repeat(32));
        HttpResponse<String> response = bench.asAdmin("POST", "api/v1/datasets/batch", dataset);
        assertEquals(201, response.statusCode(), response.body());
    }
}
