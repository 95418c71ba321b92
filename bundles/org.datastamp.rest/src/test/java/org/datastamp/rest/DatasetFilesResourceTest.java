package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.LocalFileBackend;
import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageTier;
import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DatasetInfo;
import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.FileTree;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.NoSuchNodeException;
import org.datastamp.visualization.api.Node;
import org.datastamp.visualization.api.NodeKind;
import org.datastamp.visualization.render.RendererComponent;
import org.datastamp.visualization.render.TierFileLocator;
import org.junit.jupiter.api.Test;

class DatasetFilesResourceTest {

    private static final String DATASETS = "/api/v1/datasets";
    private final Fakes.FakeCatalog catalog = new Fakes.FakeCatalog();
    private final List<StorageBackend> backends = new ArrayList<>();
    private final DatasetFilesResource resource = new DatasetFilesResource(() -> catalog, FakeReader::new,
            RendererComponent::new, () -> null, () -> new TierFileLocator(() -> backends));

    DatasetFilesResourceTest() {
        catalog.datasets.add(Fakes.dataset("ds-1", 0));
        backends.add(new HotDisk());
    }

    /** 2 x 3 frames of uint16 whose pixel (y, x) is 100 * y + 10 * x, plus an invalid (65535) pixel at (1, 2). */
    static final class FakeReader implements DataFileReader {
        @Override
        public FileTree tree(Path file) {
            DatasetInfo info = new DatasetInfo(List.of(2L, 3L), "uint16", true, "chunked", List.of(2L, 3L),
                    List.of(32008));
            return new FileTree(new Node("/", NodeKind.GROUP, "", "", Map.of(), null, List.of(new Node("/data",
                    NodeKind.DATASET, "", "", Map.of("units", "counts"), info, List.of()))), Optional.empty(), false);
        }

        @Override
        public DatasetInfo describe(Path file, String datasetPath) {
            throw new UnsupportedOperationException();
        }

        @Override
        public NdArray read(Path file, String datasetPath, String slice) throws BadDataRequestException,
                NoSuchNodeException {
            if (!datasetPath.equals("/data")) {
                throw new NoSuchNodeException("No object at " + datasetPath);
            }
            if (!slice.isEmpty()) {
                throw new BadDataRequestException("Index 9 is out of bounds for dimension 0 of size 2");
            }
            ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            b.putShort((short) 0).putShort((short) 10).putShort((short) 20).putShort((short) 100)
                    .putShort((short) 110).putShort((short) 0xffff);
            return new NdArray(new int[] {2, 3}, ElementType.UINT16, b);
        }
    }

    private ApiResponse get(String path, Map<String, String> query, Viewer viewer) throws ProblemException {
        return resource.handle(Requests.get(DATASETS, path, query, viewer));
    }

    private static int status(ProblemException e) {
        return e.problem().status();
    }

    @Test
    void treeListsDatasetsOfAFileTheCallerMaySee() throws Exception {
        ApiResponse r = get("/ds-1/files/scan.nxs/tree", Map.of(), Fakes.member("ann", "20240123"));
        assertEquals(200, r.status());
        assertEquals("uint16", r.body().at("/root/children/0/dataset/dtype").asText());
        assertEquals(32008, r.body().at("/root/children/0/dataset/filters/0").asInt());
    }

    @Test
    void aFileOfADatasetTheCallerMayNotSeeIsNotFound() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> get("/ds-1/files/scan.nxs/tree", Map.of(), Viewer.anonymous()));
        assertEquals(404, status(e));
        assertEquals(404, status(assertThrows(ProblemException.class,
                () -> get("/ds-1/files/other.nxs/tree", Map.of(), Fakes.curator()))));
    }

    @Test
    void dataAsPngHasOnePixelPerValueInTheColormapWithInvalidPixelsTransparent() throws Exception {
        ApiResponse r = get("/ds-1/files/scan.nxs/data", Map.of("path", "/data", "colormap", "gray", "contrast",
                "0,110"), Fakes.curator());
        assertEquals("image/png", r.contentType());
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.bytes()));
        assertEquals(3, png.getWidth());
        assertEquals(2, png.getHeight());
        assertEquals(0xff000000, png.getRGB(0, 0));
        assertEquals(0xffffffff, png.getRGB(1, 1));
        assertEquals(0, png.getRGB(2, 1) >>> 24);
        assertEquals("0.0,110.0", r.headers().get("X-Contrast"));
    }

    @Test
    void dataAsFloat32CarriesAJsonHeaderThenLittleEndianValues() throws Exception {
        ApiResponse r = get("/ds-1/files/scan.nxs/data", Map.of("path", "/data", "format", "f32"), Fakes.curator());
        ByteBuffer b = ByteBuffer.wrap(r.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = b.getInt();
        String header = new String(r.bytes(), 4, headerLength, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(header.contains("\"shape\":[2,3]"), header);
        int offset = (4 + headerLength + 3) / 4 * 4;
        assertEquals(110f, b.getFloat(offset + 4 * 4));
        assertTrue(Float.isNaN(b.getFloat(offset + 5 * 4)));
    }

    @Test
    void badSlicesUnknownFormatsAndColormapsAre400WithAReason() {
        ProblemException slice = assertThrows(ProblemException.class, () -> get("/ds-1/files/scan.nxs/data",
                Map.of("path", "/data", "slice", "9,:"), Fakes.curator()));
        assertEquals(400, status(slice));
        assertTrue(slice.problem().detail().contains("out of bounds"));
        assertEquals(400, status(assertThrows(ProblemException.class, () -> get("/ds-1/files/scan.nxs/data",
                Map.of("path", "/data", "format", "tiff"), Fakes.curator()))));
        assertEquals(400, status(assertThrows(ProblemException.class, () -> get("/ds-1/files/scan.nxs/data",
                Map.of("path", "/data", "colormap", "jet"), Fakes.curator()))));
        assertEquals(400, status(assertThrows(ProblemException.class, () -> get("/ds-1/files/scan.nxs/data",
                Map.of(), Fakes.curator()))));
        assertEquals(404, status(assertThrows(ProblemException.class, () -> get("/ds-1/files/scan.nxs/data",
                Map.of("path", "/nothing"), Fakes.curator()))));
    }

    @Test
    void aFileOnTapeAnswers202WithTheRecallItStarted() throws Exception {
        backends.clear();
        backends.add(new Tape());
        catalog.datasets.set(0, new org.datastamp.catalog.api.Dataset(catalog.datasets.get(0).id(),
                catalog.datasets.get(0).created(), catalog.datasets.get(0).content(),
                new org.datastamp.catalog.api.Lifecycle(false, true, List.of("tape")),
                catalog.datasets.get(0).access(), ""));
        ApiResponse r = get("/ds-1/files/scan.nxs/data", Map.of("path", "/data"), Fakes.curator());
        assertEquals(202, r.status());
        assertEquals("RECALLING", r.body().get("status").asText());
        assertEquals("QUEUED", r.body().at("/recall/state").asText());
        assertEquals("30", r.headers().get("Retry-After"));
    }

    /** A hot tier whose every object is this test's (never opened) file. */
    private static final class HotDisk extends Backend implements LocalFileBackend {
        @Override
        public String capabilityId() {
            return "hot-disk";
        }

        @Override
        public Path localFile(String key) {
            return Path.of("/nonexistent", key);
        }
    }

    /** A tape tier on which nothing is online. */
    private static final class Tape extends Backend implements RecallableBackend {
        @Override
        public String capabilityId() {
            return "tape";
        }

        @Override
        public boolean isOnline(String key) {
            return false;
        }

        @Override
        public RecallTicket requestRecall(Collection<String> keys) {
            return new RecallTicket("r-1");
        }

        @Override
        public RecallStatus recallStatus(RecallTicket ticket) {
            return new RecallStatus(ticket, RecallState.QUEUED, 0, 1, null, "waiting for a drive");
        }
    }

    private abstract static class Backend implements ManagedBackend {
        @Override
        public String displayName() {
            return capabilityId();
        }

        @Override
        public StorageTier tier() {
            return StorageTier.HOT_DISK;
        }

        @Override
        public void put(String key, InputStream content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream get(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean contains(String key) {
            return true;
        }

        @Override
        public ObjectInfo stat(String key) {
            return new ObjectInfo(key, 1);
        }

        @Override
        public List<ObjectInfo> list(String prefix) {
            return List.of();
        }

        @Override
        public void delete(String key) {
            throw new UnsupportedOperationException();
        }
    }
}
