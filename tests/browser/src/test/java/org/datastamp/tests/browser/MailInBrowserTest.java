package org.datastamp.tests.browser;

import static org.datastamp.tests.browser.BrowserBench.byTestId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Mail-in view against the running product: the staff's queue shows each instrument's open shipments; a
 * shipment is moved created -> sent -> received with the view's buttons, each change recorded with the user; a move
 * the shipment can no longer make (someone else moved it meanwhile) is refused with the user office's reason in the
 * status line, nothing changes, and the queue shows the shipment as it is now.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailInBrowserTest {

    static final ObjectMapper JSON = new ObjectMapper();

    private static BrowserBench bench;

    @BeforeAll
    static void startPlatformWithShipments() throws Exception {
        bench = BrowserBench.start("mail-in");
        for (String instrument : List.of("MAILA", "MAILB")) {
            ok(bench.asAdmin("PUT", "api/v1/instruments/" + instrument, "{\"name\":\"Mail-in " + instrument + "\"}"));
        }
        ok(bench.asAdmin("PUT", "api/v1/proposals/MIP", "{\"title\":\"Mail-in test\",\"principalInvestigator\":\""
                + BrowserBench.ADMIN + "\"}"));
        for (String sample : List.of("MI-S1", "MI-S2", "MI-S3")) {
            ok(bench.asAdmin("PUT", "api/v1/useroffice/samples/" + sample, "{\"name\":\"Lysozyme " + sample
                    + "\",\"proposalId\":\"MIP\",\"composition\":\"C613H959N193O185S10\",\"hazard\":\"NONE\"}"));
        }
        ship("SH-A1", "MAILA", "MI-S1");
        ship("SH-A2", "MAILA", "MI-S2");
        ship("SH-B1", "MAILB", "MI-S3");
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    private static void ship(String id, String instrument, String sample) throws Exception {
        HttpResponse<String> created = bench.asAdmin("POST", "api/v1/useroffice/shipments", "{\"id\":\"" + id
                + "\",\"proposalId\":\"MIP\",\"instrument\":\"" + instrument + "\",\"tracking\":\"TRK-" + id
                + "\",\"sampleIds\":[\"" + sample + "\"]}");
        assertEquals(201, created.statusCode(), created.body());
    }

    private static void ok(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
    }

    @Test
    @Order(1)
    void staffSeeTheQueuePerInstrumentAndMoveAShipmentFromCreatedToSentToReceived() throws Exception {
        String outcome = "failed";
        try {
            openMailIn();
            showQueue("MAILB");
            assertEquals(List.of("SH-B1"), queueIds());
            showQueue("MAILA");
            assertEquals(List.of("SH-A1", "SH-A2"), queueIds(), "oldest first, only this instrument's");

            cell("SH-A1").click();
            status("Shipment SH-A1 is CREATED; it can be marked SENT next");
            bench.clickable("mail-in-to-sent").click();
            status("Shipment SH-A1 is now SENT");
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("mail-in-queue"),
                    "SENT"));

            type("[data-testid='mail-in-note-input']", "Arrived at the beamline, box intact");
            bench.clickable("mail-in-to-received").click();
            status("Shipment SH-A1 is now RECEIVED");
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("mail-in-queue"),
                    "Arrived at the beamline, box intact"));
            outcome = "received";

            JsonNode shipment = shipment("SH-A1");
            assertEquals("RECEIVED", shipment.get("status").asText(), shipment.toString());
            List<String> history = new ArrayList<>();
            for (JsonNode event : shipment.get("history")) {
                history.add(event.get("status").asText() + " by " + event.get("username").asText());
            }
            assertEquals(List.of("CREATED by admin", "SENT by admin", "RECEIVED by admin"), history);
            assertEquals("Arrived at the beamline, box intact", shipment.at("/history/2/note").asText());
            assertEquals("CREATED", shipment("SH-A2").get("status").asText(), "the other shipment is untouched");
        } finally {
            bench.screenshot("mail-in-" + outcome + ".png");
        }
    }

    @Test
    @Order(2)
    void aMoveTheShipmentCanNoLongerMakeIsRefusedWithTheReasonAndChangesNothing() throws Exception {
        String outcome = "failed";
        try {
            openMailIn();
            showQueue("MAILA");
            cell("SH-A1").click();
            status("Shipment SH-A1 is RECEIVED; it can be marked MEASURED next");
            WebElement measured = bench.clickable("mail-in-to-measured");

            // another member of staff marks it measured while this view still shows it received
            HttpResponse<String> meanwhile = bench.asAdmin("POST", "api/v1/useroffice/shipments/SH-A1/transitions",
                    "{\"to\":\"MEASURED\",\"note\":\"measured on the other console\"}");
            assertEquals(200, meanwhile.statusCode(), meanwhile.body());
            measured.click();

            status("Shipment SH-A1 is MEASURED; it can become DISPOSED or RETURNED next, not MEASURED."
                    + " Nothing was changed.");
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("mail-in-queue"),
                    "measured on the other console"));
            outcome = "refused";
            JsonNode shipment = shipment("SH-A1");
            assertEquals("MEASURED", shipment.get("status").asText());
            assertEquals(4, shipment.get("history").size(), "no event was added by the refused move: " + shipment);
        } finally {
            bench.screenshot("mail-in-" + outcome + ".png");
        }
    }

    private static void openMailIn() throws IOException {
        bench.openWorkbenchAs(BrowserBench.ADMIN, bench.adminPassword());
        bench.clickable("tab-mail-in").click();
        bench.clickable("mail-in-show");
    }

    /** Types an instrument into the (editable) instrument box and asks for its queue. */
    private static void showQueue(String instrument) {
        type("[data-testid='mail-in-instrument'] input", instrument);
        bench.clickable("mail-in-show").click();
        status("for " + instrument);
    }

    /** The shipment ids in the queue table, top to bottom (tracking numbers TRK-... left out). */
    private static List<String> queueIds() {
        String text = bench.browser.findElement(byTestId("mail-in-queue")).getText();
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("(?<!TRK-)\\bSH-[A-Z][0-9]+").matcher(text);
        while (m.find()) {
            if (!ids.contains(m.group())) {
                ids.add(m.group());
            }
        }
        return ids;
    }

    private static void status(String text) {
        bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("mail-in-status"), text));
    }

    /** Sets the value of an input as typing would, and tells RAP (as the logbook browser test does). */
    private static void type(String cssSelector, String text) {
        WebElement input = bench.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                cssSelector)));
        input.click();
        ((JavascriptExecutor) bench.browser).executeScript("var e=arguments[0];e.value=arguments[1];"
                + "e.dispatchEvent(new Event('input',{bubbles:true}));e.dispatchEvent(new Event('change'));"
                + "e.dispatchEvent(new KeyboardEvent('keyup',{bubbles:true}));", input, text);
    }

    private static WebElement cell(String text) {
        return bench.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[@data-testid='mail-in-queue']//*[normalize-space(text())='" + text + "']")));
    }

    private static JsonNode shipment(String id) throws Exception {
        HttpResponse<String> answer = bench.asAdmin("GET", "api/v1/useroffice/shipments/" + id, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }
}
