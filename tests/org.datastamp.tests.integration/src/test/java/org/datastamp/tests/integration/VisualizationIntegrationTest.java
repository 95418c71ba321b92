package org.datastamp.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Set;

import javax.imageio.ImageIO;

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

    private String[] scanFile() throws Exception {
        return platform.simulatedScan("Visualization integration test", 3);
    }

    @Test
    void aFrameOfAScanWrittenHereRendersAsAPngOfTheWrittenValues() throws Exception {
        String[] scan = scanFile();
        String datasetId = scan[0];
        String file = scan[1];

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
    void aSliceOfAScanDownloadsAsAnHdf5FileThatH5pyReadsWithTheViewersValues() throws Exception {
        String[] scan = scanFile();
        String base = "/api/v1/datasets/" + scan[0] + "/files/" + scan[1];
        String slice = "1:3,10:20,::16";

        HttpResponse<byte[]> subset = platform.getBytesAsAdmin(base + "/subset?path=/entry/data/data&slice="
                + slice);
        assertEquals(200, subset.statusCode(), new String(subset.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("application/x-hdf5", subset.headers().firstValue("Content-Type").orElse(""));
        java.nio.file.Path h5 = java.nio.file.Files.createTempFile("subset", ".h5");
        try {
            java.nio.file.Files.write(h5, subset.body());
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, json, h5py; f = h5py.File(sys.argv[1],"
                    + " 'r'); d = f['/entry/data/data']; print(json.dumps({'shape': list(d.shape), 'values':"
                    + " d[()].ravel().tolist(), 'class': str(d.parent.attrs['NX_class'])}))", h5.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            JsonNode read = json.readTree(out);
            JsonNode viewed = readJson(base + "/data?path=/entry/data/data&format=json&slice=" + slice);
            assertEquals("[2,10,16]", read.get("shape").toString());
            assertEquals(viewed.get("shape"), read.get("shape"));
            assertEquals(viewed.get("values"), read.get("values"), "the subset holds the values the viewer reads");
            assertTrue(read.get("class").asText().contains("NXdata"), out);
        } finally {
            java.nio.file.Files.deleteIfExists(h5);
        }

        HttpResponse<String> bad = platform.getAsAdmin(base + "/subset?path=/entry/data/data&slice=7,:,:");
        assertEquals(400, bad.statusCode(), bad.body());
    }

    @Test
    void theDataViewerAndLiveViewAreInTheWorkbench() {
        platform.service(WorkbenchView.class, "org.datastamp.ui.catalog");
        Platform.await("the data viewer and live views", Platform.SERVICE_TIMEOUT,
                () -> platform.viewIds().containsAll(Set.of("viewer", "live")));
    }

    private JsonNode readJson(String path) {
        return platform.jsonAsAdmin(path);
    }
}
