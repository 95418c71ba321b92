package org.datastamp.tests.browser;

import static org.datastamp.tests.browser.BrowserBench.byTestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Storage view against the running product with one scan ingested: refused to anonymous visitors; for the admin,
 * the hot disk with its capacity bar, the planning summary and its chart, as the REST planning report says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageBrowserTest {

    static final ObjectMapper JSON = new ObjectMapper();

    private static BrowserBench bench;

    @BeforeAll
    static void startPlatformWithOneScan() throws Exception {
        bench = BrowserBench.start("storage");
        HttpResponse<String> scan = bench.asAdmin("POST", "api/v1/scans", "{\"detectorId\":\"simulated-detector\","
                + "\"frameCount\":3,\"title\":\"Storage view scan\"}");
        assertEquals(202, scan.statusCode(), scan.body());
        bench.platform.awaitCondition("the scan's dataset in /api/v1/datasets", BrowserBench.PATIENCE, () -> {
            try {
                return JSON.readTree(bench.asAdmin("GET", "api/v1/datasets", null).body()).get("total").asLong() > 0;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    @Order(1)
    void anonymousVisitorsAreToldTheViewIsForCuratorsAndAdmins() throws Exception {
        try {
            bench.browser.get(bench.base.resolve("workbench").toString());
            bench.clickable("tab-storage").click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("storage-refused"),
                    "for curators and admins: sign in"));
        } finally {
            bench.screenshot("storage-refused.png");
        }
    }

    @Test
    @Order(2)
    void theAdminSeesTheHotDiskCapacityAndThePlanningReportWithItsChart() throws Exception {
        HttpResponse<String> answer = bench.asAdmin("GET", "api/v1/storage/planning", null);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode report = JSON.readTree(answer.body());
        JsonNode thisMonth = report.get("months").get(report.get("months").size() - 1);
        assertEquals(1, thisMonth.get("datasets").asLong(), "the scan's dataset counts as this month's ingest: " + report);
        assertTrue(thisMonth.get("bytes").asLong() > 0, report.toString());
        JsonNode hot = null;
        for (JsonNode tier : report.get("tiers")) {
            if (tier.get("id").asText().equals("hot-disk")) {
                hot = tier;
            }
        }
        assertTrue(hot != null && hot.get("totalBytes").asLong() > 0, "the hot disk reports its capacity: " + report);
        try {
            // tall enough for the whole view in the screenshot
            bench.browser.manage().window().setSize(new Dimension(1400, 1400));
            bench.openWorkbenchAs(BrowserBench.ADMIN, bench.adminPassword());
            bench.clickable("tab-storage").click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("storage-status"),
                    "As of"));
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    byTestId("storage-tier-capacity-hot-disk"), "used ("));
            bench.waiting().until(ExpectedConditions.presenceOfElementLocated(byTestId("storage-tier-hot-disk")));
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("storage-planning"),
                    "the budget affords " + report.get("preservation").asText()));
            WebElement chart = bench.browser.findElement(byTestId("storage-chart"));
            assertTrue(chart.getSize().getHeight() > 100, "the chart has room: " + chart.getSize());
        } finally {
            bench.screenshot("storage-admin.png");
        }
    }
}
