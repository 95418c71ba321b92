package org.datastamp.tests.browser;

import static org.datastamp.tests.browser.BrowserBench.byTestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Logbook view of the workbench against the running product: a scan acquired on the simulated beamline appears
 * in its session's overview; a note with an uploaded image and a 4-star rating are made in the browser and shown in
 * the overview and notes; script in a note or comment ({@code <script>}, {@code <img onerror>}, {@code javascript:}
 * link) never runs (a window flag it would set stays unset) and is shown as harmless text; "Export HTML" and
 * "Export PDF" download the session's logbook as files; an edited note keeps every version in its history; the
 * scan's row shows a thumbnail of its data that the server drew.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogbookBrowserTest {

    static final String SESSION = "LOG-1";
    static final ObjectMapper JSON = new ObjectMapper();
    /** Each payload sets window.pwned (in the page or its parent) if it ever runs. */
    static final String ATTACK = "XSS try <script>window.pwned=1;parent.pwned=1</script>"
            + " <img src=x onerror=\"window.pwned=2;parent.pwned=2\"> [click me](javascript:parent.pwned=3)";

    private static BrowserBench bench;
    private static String scanId;

    @BeforeAll
    static void startPlatformWithAScan() throws Exception {
        bench = BrowserBench.start("logbook");
        ok(bench.asAdmin("PUT", "api/v1/instruments/SimBeamline", "{\"name\":\"Simulated beamline\"}"));
        ok(bench.asAdmin("PUT", "api/v1/proposals/LOGP", "{\"title\":\"Logbook test\","
                + "\"principalInvestigator\":\"" + BrowserBench.ADMIN + "\"}"));
        Instant now = Instant.now();
        ok(bench.asAdmin("PUT", "api/v1/sessions/" + SESSION, "{\"proposalId\":\"LOGP\",\"instrument\":\"SimBeamline\","
                + "\"start\":\"" + now.minus(Duration.ofHours(1)) + "\",\"end\":\"" + now.plus(Duration.ofHours(8))
                + "\"}"));
        HttpResponse<String> scan = bench.asAdmin("POST", "api/v1/scans", "{\"detectorId\":\"simulated-detector\","
                + "\"frameCount\":3,\"title\":\"Logbook scan\",\"sampleName\":\"lysozyme\"}");
        assertEquals(202, scan.statusCode(), scan.body());
        String location = scan.headers().firstValue("Location").orElseThrow();
        scanId = location.substring(location.lastIndexOf('/') + 1);
        bench.platform.awaitCondition(scanId + " completed in the logbook of " + SESSION, BrowserBench.PATIENCE,
                () -> overview().toString().contains("\"COMPLETED\""));
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    private static void ok(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
    }

    private static JsonNode overview() {
        try {
            return JSON.readTree(bench.asAdmin("GET", "api/v1/logbooks/sessions/" + SESSION, null).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void aNoteWithAnImageAndARatingAppearInTheOverview() throws Exception {
        String outcome = "failed";
        try {
            openLogbook();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("logbook-scans"),
                    scanId));

            WebElement file = bench.browser.findElement(By.cssSelector("[data-testid='logbook-upload']"
                    + " input[type='file']"));
            file.sendKeys(plot().toString());
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("logbook-status"),
                    "Uploaded plot.png"));
            String noteText = bench.clickable("logbook-note-input").getAttribute("value");
            assertTrue(noteText.matches("!\\[plot\\.png]\\(image:[0-9a-f-]+\\)"), noteText);
            type("logbook-note-input", noteText + "\nBeam aligned, **first** good scan #" + scanId);
            bench.clickable("logbook-add-note").click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("logbook-status"),
                    "Note added"));
            bench.waiting().until(d -> frameScript("logbook-notes",
                    "var i=d.querySelector('img');return i!=null&&i.src.startsWith('data:image/png')&&i.naturalWidth==40;")
                    .equals(Boolean.TRUE));

            cell(scanId).click();
            bench.clickable("logbook-star-4").click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("logbook-scans"),
                    "\u2605\u2605\u2605\u2605\u2606 4.0 (1)"));
            outcome = "noted";

            JsonNode logbook = overview();
            assertEquals(4, logbook.at("/scans/0/myRating").intValue(), logbook.toString());
            assertTrue(logbook.at("/entries/0/html").textValue().contains("<strong>first</strong>"),
                    logbook.toString());
            assertEquals(1, logbook.get("images").size(), logbook.toString());
        } finally {
            bench.screenshot("logbook-" + outcome + ".png");
        }
    }

    @Test
    @Order(2)
    void scriptInANoteOrCommentNeverRunsAndIsShownAsText() throws Exception {
        String outcome = "failed";
        try {
            openLogbook();
            type("logbook-note-input", ATTACK);
            bench.clickable("logbook-add-note").click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("logbook-status"),
                    "Note added"));
            cell(scanId).click();
            type("logbook-comment-input", ATTACK);
            bench.clickable("logbook-add-comment").click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("logbook-status"),
                    "Commented on " + scanId));

            for (String pane : List.of("logbook-notes", "logbook-comments")) {
                bench.waiting().until(d -> String.valueOf(frameScript(pane, "return d.body.textContent;"))
                        .contains("XSS try"));
                String text = String.valueOf(frameScript(pane, "return d.body.textContent;"));
                assertTrue(text.contains("<script>window.pwned=1"), "shown as text in " + pane + ": " + text);
                String html = String.valueOf(frameScript(pane, "return d.body.innerHTML;"));
                assertEquals(0L, frameScript(pane, "return d.querySelectorAll('script,[onerror],[onload],"
                        + "a[href^=\"javascript\"],img[src^=\"javascript\"]').length;"), "active content in " + pane
                        + ": " + html);
                frameScript(pane, "var links=d.querySelectorAll('a');for(var i=0;i<links.length;i++){"
                        + "links[i].click();}return links.length;");
            }
            Thread.sleep(500); // give anything that was going to run (image errors, clicked links) its chance
            Object flags = ((JavascriptExecutor) bench.browser).executeScript("var f=[window.pwned];"
                    + "var frames=document.querySelectorAll('iframe');for(var i=0;i<frames.length;i++){"
                    + "try{f.push(frames[i].contentWindow.pwned);}catch(e){f.push('cross-origin');}}"
                    + "return JSON.stringify(f.filter(function(x){return x!==undefined;}));");
            assertEquals("[]", flags, "no payload ran");
            outcome = "neutralised";
        } finally {
            bench.screenshot("logbook-xss-" + outcome + ".png");
        }
    }

    @Test
    @Order(3)
    void theSessionsLogbookDownloadsAsHtmlAndPdf() throws Exception {
        String outcome = "failed";
        try {
            openLogbook();
            bench.clickable("logbook-export-html").click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("logbook-status"),
                    "as logbook-" + SESSION + ".html"));
            String html = new String(bench.awaitDownload("logbook-" + SESSION + ".html"),
                    StandardCharsets.UTF_8);
            assertTrue(html.contains("Logbook of session " + SESSION), html);
            assertTrue(html.contains("<strong>first</strong> good scan"), "the note of the first test: " + html);
            assertTrue(html.contains("src=\"data:image/png;base64,"), "its image inlined");
            assertTrue(html.contains("&lt;script&gt;window.pwned=1") && !html.contains("<script"),
                    "the attack of the second test stays text");

            bench.clickable("logbook-export-pdf").click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("logbook-status"),
                    "as logbook-" + SESSION + ".pdf"));
            byte[] pdf = bench.awaitDownload("logbook-" + SESSION + ".pdf");
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
            outcome = "exported";
        } finally {
            bench.screenshot("logbook-export-" + outcome + ".png");
        }
    }

    @Test
    @Order(4)
    void editingANoteKeepsEveryVersionWithItsAuthorInTheHistory() throws Exception {
        String outcome = "failed";
        try {
            openLogbook();
            WebElement first = bench.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "(//*[@data-testid='logbook-entries']//*[normalize-space(text())='note'])[1]")));
            first.click();
            bench.waiting().until(d -> bench.clickable("logbook-note-input").getAttribute("value")
                    .contains("**first** good scan"));
            String original = bench.clickable("logbook-note-input").getAttribute("value");
            type("logbook-note-input", original + "\nEdited: beam lost at 14:00, refill");
            bench.clickable("logbook-save-edit").click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("logbook-status"),
                    "Saved version 2 of the note; earlier versions are kept"));

            first = bench.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "(//*[@data-testid='logbook-entries']//*[normalize-space(text())='note'])[1]")));
            first.click();
            bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("logbook-history"),
                    "beam lost at 14:00"));
            String history = bench.browser.findElement(byTestId("logbook-history")).getText();
            assertTrue(history.indexOf("**first** good scan") < history.indexOf("beam lost at 14:00"),
                    "version 1 then version 2: " + history);
            assertTrue(history.matches("(?s).*\\b1\\s+" + BrowserBench.ADMIN + "\\b.*\\b2\\s+"
                    + BrowserBench.ADMIN + "\\b.*"), "each version with its author: " + history);
            bench.waiting().until(d -> frameScript("logbook-notes", "return d.body.textContent;").toString()
                    .contains("beam lost at 14:00"));
            outcome = "versioned";

            JsonNode entry = overview().at("/entries/0");
            assertEquals(2, entry.get("version").intValue(), entry.toString());
            JsonNode versions = JSON.readTree(bench.asAdmin("GET", "api/v1/logbooks/entries/"
                    + entry.get("id").asText() + "/history", null).body());
            assertEquals(2, versions.size(), versions.toString());
            assertEquals(original, versions.get(0).get("markdown").asText(), "the earlier text is kept as it was");
        } finally {
            bench.screenshot("logbook-history-" + outcome + ".png");
        }
    }

    @Test
    @Order(5)
    void theScansRowShowsTheThumbnailTheServerDrewOfItsData() throws Exception {
        String outcome = "failed";
        try {
            openLogbook();
            cell(scanId);
            // RAP draws an item's image as a cell's background; load it again to see a real picture arrived
            Object width = bench.waiting().until(d -> {
                Object w = ((JavascriptExecutor) d).executeAsyncScript("var done=arguments[arguments.length-1];"
                        + "var t=document.querySelector(\"[data-testid='logbook-scans']\");if(!t){done(0);return;}"
                        + "var row=null,divs=t.querySelectorAll('div');for(var i=0;i<divs.length;i++){"
                        + "if(divs[i].textContent.trim()===arguments[0]){row=divs[i].parentElement;break;}}"
                        + "if(!row){done(0);return;}var url=null,els=row.querySelectorAll('*');"
                        + "for(var j=0;j<els.length&&!url;j++){var b=getComputedStyle(els[j]).backgroundImage;"
                        + "if(b&&b.indexOf('url(')===0){url=b.slice(4,-1).replace(/^[\"']|[\"']$/g,'');}}"
                        + "if(!url){var im=row.querySelector('img');url=im?im.src:null;}if(!url){done(0);return;}"
                        + "var img=new Image();img.onload=function(){done(img.naturalWidth);};"
                        + "img.onerror=function(){done(-1);};img.src=url;", scanId);
                return w instanceof Number n && n.intValue() > 0 ? n : null;
            });
            int pixels = ((Number) width).intValue();
            assertTrue(pixels > 0 && pixels <= 40, "a thumbnail of at most 40 x 40 of the scan's first frame (the"
                    + " 256 x 256 frame binned by a whole factor): " + pixels);
            outcome = "thumbnail";
        } finally {
            bench.screenshot("logbook-thumbnail-" + outcome + ".png");
        }
    }

    private static void openLogbook() throws IOException {
        bench.openWorkbenchAs(BrowserBench.ADMIN, bench.adminPassword());
        bench.clickable("tab-logbook").click();
        WebElement session = bench.clickable("logbook-session-input");
        session.click();
        // the view may already have opened the admin's own session: replace whatever is there
        session.sendKeys(Keys.chord(Keys.CONTROL, "a"), SESSION);
        bench.clickable("logbook-open").click();
        bench.waiting().until(ExpectedConditions.textToBePresentInElementLocated(byTestId("logbook-status"),
                "Session " + SESSION + ":"));
    }

    /**
     * Sets a multi-line text's value as a paste would (typed keys lose their spaces in RAP's text areas under
     * ChromeDriver); RAP sends the new text with the next request.
     */
    private static void type(String testId, String text) {
        WebElement area = bench.clickable(testId);
        area.click();
        ((JavascriptExecutor) bench.browser).executeScript("var e=arguments[0];e.value=arguments[1];"
                + "e.dispatchEvent(new Event('input',{bubbles:true}));e.dispatchEvent(new Event('change'));"
                + "e.dispatchEvent(new KeyboardEvent('keyup',{bubbles:true}));", area, text);
    }

    /** Runs {@code body} with {@code d} = the document inside the Browser widget with this test id. */
    private static Object frameScript(String testId, String body) {
        return ((JavascriptExecutor) bench.browser).executeScript("var f=document.querySelector(\"[data-testid='"
                + testId + "'] iframe\");if(!f||!f.contentDocument||!f.contentDocument.body){return null;}"
                + "var d=f.contentDocument;" + body);
    }

    private static WebElement cell(String text) {
        return bench.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[@data-testid='logbook-scans']//*[normalize-space(text())='" + text + "']")));
    }

    /** A 40 x 30 PNG. */
    private static Path plot() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(5, 5, 30, 20);
        g.dispose();
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "upload");
        Path file = dir.resolve("plot.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
