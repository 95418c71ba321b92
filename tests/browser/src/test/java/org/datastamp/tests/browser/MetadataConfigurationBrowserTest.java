package org.datastamp.tests.browser;

import static org.datastamp.tests.browser.BrowserBench.byTestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;

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
 * A beamline's metadata configuration saved once over REST, then changed in the workbench's Metadata view by the
 * admin: the row's upper limit is edited, saved with a message, and the new revision appears in the history (and in
 * the REST history, authored by the admin).
 */
class MetadataConfigurationBrowserTest {

    private static final String CONFIGURATION = "api/v1/instruments/BrowserLine/metadata-configuration";

    private static BrowserBench bench;

    @BeforeAll
    static void startPlatformAndBrowser() throws IOException {
        bench = BrowserBench.start("metadata");
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void editingARowAndSavingAddsARevisionToTheHistory() throws Exception {
        String outcome = "failed";
        try {
            HttpResponse<String> instrument = bench.asAdmin("PUT", "api/v1/instruments/BrowserLine",
                    "{\"name\":\"Browser test beamline\",\"techniques\":[\"SAXS\"]}");
            assertEquals(200, instrument.statusCode(), instrument.body());
            HttpResponse<String> saved = bench.asAdmin("PUT", CONFIGURATION, """
                    {"definition":"NXsas","message":"Initial configuration","variables":[
                     {"group":"beam","name":"wavelength","device":"b311a/mono","attribute":"Wavelength",
                      "units":"nm","min":0.05,"max":0.3,"order":1,"enabled":true}]}""");
            assertEquals(200, saved.statusCode(), saved.body());

            bench.openWorkbenchAs(BrowserBench.ADMIN, bench.adminPassword());
            bench.clickable("tab-metadata").click();
            WebDriverWait wait = bench.waiting();
            cell("metadata-instruments", "BrowserLine").click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("metadata-rows"), "wavelength"));
            cell("metadata-rows", "wavelength").click();
            wait.until(ExpectedConditions.attributeToBe(byTestId("metadata-field-max-input"), "value", "0.3"));

            WebElement max = bench.clickable("metadata-field-max-input");
            max.click();
            max.clear();
            max.sendKeys("0.4");
            bench.clickable("metadata-apply-row").click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("metadata-status"),
                    "Changed 'wavelength'"));
            WebElement message = bench.clickable("metadata-message-input");
            message.click();
            message.sendKeys("Wider wavelength range");
            bench.clickable("metadata-save").click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("metadata-status"),
                    "Saved revision"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("metadata-history"),
                    "Wider wavelength range"));
            String history = bench.browser.findElement(byTestId("metadata-history")).getText();
            assertTrue(history.contains("Initial configuration"), history);
            outcome = "saved";

            JsonNode revisions = new ObjectMapper().readTree(bench.asAdmin("GET", CONFIGURATION + "/history", null)
                    .body()).get("revisions");
            assertEquals(2, revisions.size(), revisions.toString());
            assertEquals("Wider wavelength range", revisions.get(0).get("message").textValue());
            assertEquals(BrowserBench.ADMIN, revisions.get(0).get("author").textValue());
            JsonNode current = new ObjectMapper().readTree(bench.asAdmin("GET", CONFIGURATION, null).body());
            assertEquals(0.4, current.at("/variables/0/max").doubleValue());
        } finally {
            bench.screenshot("metadata-" + outcome + ".png");
        }
    }

    /** A table cell by its text: RAP renders each cell as an element holding just that text. */
    private static WebElement cell(String table, String text) {
        return bench.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//*[@data-testid='" + table
                + "']//*[normalize-space(text())='" + text + "']")));
    }
}
