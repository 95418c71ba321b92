package org.datastamp.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import javax.imageio.ImageIO;

import org.datastamp.acquisition.api.ScanService;
import org.datastamp.ui.api.WorkbenchView;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The visualization bundles in the running platform: a simulated scan's NeXus file, read back by libhdf5 through
 * the REST data endpoint, is a PNG whose pixels are the values the simulated detector wrote; the data viewer and
 * live views are in the workbench.
 */
class VisualizationIntegrationTest {

    /** 256x256 uint16 frames whose pixel (x, y) of frame f is (x + 2y + 3f) mod 200 away from a moving spot. */
    private static final int SIDE = 256;
    private static final int RAMP = 200;

    private final Platform platform = new Platform();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aFrameOfAScanWrittenHereRendersAsAPngOfTheWrittenValues() throws Exception {
        platform.service(ScanService.class, "org.datastamp.acquisition.scan");
        HttpResponse<String> started = platform.postJsonAsAdmin("/api/v1/scans", "{\"detectorId\":"
                + "\"simulated-detector\",\"frameCount\":3,\"title\":\"Visualization integration test\"}");
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode[] status = new JsonNode[1];
        Platform.await("the scan at " + location + " to finish", Duration.ofSeconds(60), () -> {
            status[0] = readJson(location);
            return Set.of("COMPLETED", "FAILED").contains(status[0].get("state").asText());
        });
        assertEquals("COMPLETED", status[0].get("state").asText(), status[0].toString());
        String datasetId = status[0].get("datasetId").asText();
        String file = readJson("/api/v1/datasets/" + datasetId).get("files").get(0).get("path").asText();

        JsonNode tree = readJson("/api/v1/datasets/" + datasetId + "/files/" + file + "/tree");
        assertTrue(tree.toString().contains("\"uint16\""), tree.toString());

        // Frame 2 in gray between 0 and the ramp's top: the grey level of a pixel is its value scaled to 0..255.
        HttpResponse<byte[]> png = platform.getBytesAsAdmin("/api/v1/datasets/" + datasetId + "/files/" + file
                + "/data?path=/entry/data/data&slice=2,:,:&width=" + SIDE + "&height=" + SIDE
                + "&colormap=gray&contrast=0," + (RAMP - 1));
        assertEquals(200, png.statusCode(), new String(png.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(SIDE, image.getWidth());
        assertEquals(SIDE, image.getHeight());
        for (int[] xy : new int[][] {{100, 60}, {200, 10}, {0, 255}}) {
            int value = (xy[0] + 2 * xy[1] + 3 * 2) % RAMP;
            int gray = image.getRGB(xy[0], xy[1]) & 0xff;
            assertEquals(value * 255.0 / (RAMP - 1), gray, 1.0, "pixel " + xy[0] + "," + xy[1] + " holds " + value);
        }

        HttpResponse<String> outOfBounds = platform.getAsAdmin("/api/v1/datasets/" + datasetId + "/files/" + file
                + "/data?path=/entry/data/data&slice=7,:,:");
        assertEquals(400, outOfBounds.statusCode(), outOfBounds.body());
    }

    @Test
    void theDataViewerAndLiveViewAreInTheWorkbench() {
        platform.service(WorkbenchView.class, "org.datastamp.ui.catalog");
        Platform.await("the data viewer and live views", Platform.SERVICE_TIMEOUT,
                () -> platform.viewIds().containsAll(Set.of("viewer", "live")));
    }

    private JsonNode readJson(String path) {
        try {
            HttpResponse<String> response = platform.getAsAdmin(path);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
