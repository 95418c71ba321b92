package org.datastamp.tests.browser;

import static org.datastamp.tests.browser.BrowserBench.byTestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A scientist looks at a scan's data: a simulated scan of five 256x256 uint16 frames is started through REST; in the
 * data viewer its NeXus file's tree shows the frame stack, the default plot appears as an image, the colormap
 * changes the pixels, the frame slider moves to another frame and a click reads out the value the simulated
 * detector wrote there ({@code (x + 2y + 3 frame) mod 200} away from its moving spot).
 */
class DataViewerBrowserTest {

    private static final int FRAMES = 5;
    private static final int SIDE = 256;
    /** A pixel far from the simulated detector's spot in the first frames (the spot starts at 0,0, 7 px a frame). */
    private static final int X = 100;
    private static final int Y = 60;

    private static BrowserBench bench;

    @BeforeAll
    static void startPlatformAndBrowser() throws IOException {
        bench = BrowserBench.start("viewer");
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void aScansFileShowsItsTreeAnImageInTheChosenColormapAndTheValueOfAPixelInAnotherFrame() throws Exception {
        String outcome = "failed";
        try {
            String datasetId = scanAndAwaitDataset();
            bench.openWorkbenchAs(BrowserBench.ADMIN, bench.adminPassword());
            bench.clickable("tab-viewer").click();
            WebElement id = bench.clickable("viewer-dataset-input");
            id.click();
            id.sendKeys(datasetId);
            bench.clickable("viewer-open").click();

            WebDriverWait wait = bench.waiting();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("viewer-tree"),
                    "uint16 " + FRAMES + "×" + SIDE + "×" + SIDE));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("viewer-info"), "Frame 1 "));
            String info = bench.browser.findElement(byTestId("viewer-info")).getText();
            assertTrue(info.contains("of " + SIDE + "×" + SIDE), info);
            WebElement image = bench.browser.findElement(byTestId("viewer-image"));
            int shown = image.getSize().getWidth();
            assertTrue(shown >= SIDE && shown % SIDE == 0, "the whole frame at a whole magnification: " + shown);
            BufferedImage viridis = pixels(image);
            assertTrue(!isGray(viridis.getRGB(shown / 2, shown / 2)), "viridis is coloured");
            bench.screenshot("viewer-viridis.png");
            outcome = "image";

            bench.clickable("viewer-colormap").click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[normalize-space(text())='gray']"))).click();
            wait.until(driver -> isGray(pixels(driver.findElement(byTestId("viewer-image"))).getRGB(shown / 2,
                    shown / 2)));
            outcome = "gray";

            WebElement slider = bench.clickable("viewer-frame");
            new Actions(bench.browser).moveToElement(slider, -slider.getSize().getWidth() / 2 + 2, 0).click()
                    .sendKeys(Keys.ARROW_RIGHT).perform();
            wait.until(driver -> !driver.findElement(byTestId("viewer-frame-label")).getText().startsWith("1 /"));
            String label = bench.browser.findElement(byTestId("viewer-frame-label")).getText();
            int frame = Integer.parseInt(label.substring(0, label.indexOf(' '))) - 1;
            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("viewer-info"),
                    "Frame " + (frame + 1) + " "));
            outcome = "frame-" + frame;

            image = bench.browser.findElement(byTestId("viewer-image"));
            int magnify = image.getSize().getWidth() / SIDE;
            new Actions(bench.browser).moveToElement(image, X * magnify + magnify / 2 - image.getSize().getWidth() / 2,
                    Y * magnify + magnify / 2 - image.getSize().getHeight() / 2).click().perform();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId("viewer-readout"), "frame "));
            // The browser may place the click a pixel off the aimed one; the readout names the pixel it read.
            String readout = bench.browser.findElement(byTestId("viewer-readout")).getText();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("x (\\d+), y (\\d+), frame (\\d+): (\\d+)")
                    .matcher(readout);
            assertTrue(m.matches(), readout);
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            assertTrue(Math.abs(x - X) <= 1 && Math.abs(y - Y) <= 1, "the clicked pixel: " + readout);
            assertEquals(frame + 1, Integer.parseInt(m.group(3)), readout);
            assertEquals((x + 2 * y + 3 * frame) % 200, Integer.parseInt(m.group(4)), "the value written: " + readout);
            outcome = "readout";
        } finally {
            bench.screenshot("viewer-" + outcome + ".png");
        }
    }

    /** The image element's pixels as the browser shows them. */
    private static BufferedImage pixels(WebElement image) {
        try {
            byte[] png = image.getScreenshotAs(OutputType.BYTES);
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new IllegalStateException("The browser's element screenshot is not a PNG", e);
        }
    }

    private static boolean isGray(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r == g && g == b;
    }

    /** Starts a scan as the admin and waits for its dataset in the catalogue; returns its id. */
    private static String scanAndAwaitDataset() throws Exception {
        HttpResponse<String> started = bench.asAdmin("POST", "api/v1/scans", "{\"detectorId\":\"simulated-detector\","
                + "\"frameCount\":" + FRAMES + ",\"title\":\"Viewer browser test\"}");
        assertTrue(started.statusCode() / 100 == 2, started.statusCode() + " " + started.body());
        ObjectMapper json = new ObjectMapper();
        bench.platform.awaitCondition("the scan's dataset in /api/v1/datasets", BrowserBench.PATIENCE, () -> {
            try {
                return json.readTree(bench.asAdmin("GET", "api/v1/datasets", null).body()).get("total").asLong() > 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        JsonNode hits = json.readTree(bench.asAdmin("GET", "api/v1/datasets", null).body()).get("hits");
        assertEquals(1, hits.size(), "one scan, one dataset: " + hits);
        assertNotEquals("", hits.get(0).get("id").asText());
        return hits.get(0).get("id").asText();
    }
}
