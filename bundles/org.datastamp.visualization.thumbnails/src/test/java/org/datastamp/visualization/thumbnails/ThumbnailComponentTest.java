package org.datastamp.visualization.thumbnails;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.LocalFileBackend;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.FileLocation;
import org.datastamp.visualization.hdf5.Hdf5Readers;
import org.datastamp.visualization.render.RendererComponent;
import org.datastamp.visualization.render.TierFileLocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailComponentTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:30:00Z");
    static final Viewer MEMBER = new Viewer("ada", Set.of("P-1"), Set.of(), false);
    static final Viewer STRANGER = new Viewer("eve", Set.of("P-2"), Set.of(), false);

    /**
     * A stack of two 32x32 uint16 frames: in the first the left half is 1 and the right half 1000, the second is the
     * mirror image (so a thumbnail of the wrong frame shows). And a file whose default plot is a rising 1-D profile.
     */
    private static final String SCRIPT = String.join("\n",
            "import sys, h5py, numpy as np",
            "def nexus(name, signal):",
            "    f = h5py.File(name, 'w'); f.attrs['default'] = 'entry'",
            "    e = f.create_group('entry'); e.attrs['NX_class'] = 'NXentry'; e.attrs['default'] = 'data'",
            "    d = e.create_group('data'); d.attrs['NX_class'] = 'NXdata'; d.attrs['signal'] = 'data'",
            "    d.create_dataset('data', data=signal, chunks=True, compression='gzip'); f.close()",
            "v = np.ones((2, 32, 32), dtype='<u2'); v[0, :, 16:] = 1000; v[1, :, :16] = 1000",
            "nexus(sys.argv[1] + '/stack.nxs', v)",
            "nexus(sys.argv[1] + '/profile.nxs', np.linspace(0.0, 1.0, 11))");

    @TempDir
    static Path hot;
    static DataFileReader reader;

    @BeforeAll
    static void writeFiles() throws Exception {
        Path dir = Files.createDirectories(hot.resolve("raw/ds"));
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", SCRIPT, dir.toString()).redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "h5py could not write the test files (apt-get install python3-h5py):\n"
                + output);
        reader = Hdf5Readers.withDefaults();
    }

    static Dataset dataset(String id, String... files) {
        List<Datafile> datafiles = Arrays.stream(files).map(f -> new Datafile(f, 1024, "SHA-256", "00", T0)).toList();
        NewDataset content = new NewDataset("scan", DatasetType.RAW, "SimBeamline", "lysozyme", "raw/ds", T0,
                T0.plusSeconds(60), datafiles, List.of(), "", "P-1", "", "", "SAXS", List.of(), List.of());
        return new Dataset(new DatasetId(id), T0, content, Lifecycle.onHotDisk(),
                new DatasetAccess("P-1", "SimBeamline", Instant.parse("2999-01-01T00:00:00Z")), "");
    }

    /** A catalogue applying the membership part of the access rule. */
    static Catalog catalog(Dataset... datasets) {
        Map<DatasetId, Dataset> byId = new java.util.HashMap<>();
        Arrays.stream(datasets).forEach(d -> byId.put(d.id(), d));
        return (Catalog) Proxy.newProxyInstance(ThumbnailComponentTest.class.getClassLoader(),
                new Class<?>[] {Catalog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        Dataset d = byId.get((DatasetId) args[0]);
                        Viewer v = (Viewer) args[1];
                        return d != null && v.proposals().contains(d.access().proposalId()) ? Optional.of(d)
                                : Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Files on the hot tier; counts how often it was asked, and fails if anyone asks it to locate (and recall). */
    static final class HotFiles implements DatasetFileLocator {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public FileLocation locate(Dataset dataset, String path) {
            throw new AssertionError("a thumbnail must not use locate(), which recalls from tape");
        }

        @Override
        public Optional<Path> readableNow(Dataset dataset, String path) {
            asked.incrementAndGet();
            return Optional.of(hot.resolve(dataset.content().location()).resolve(path));
        }
    }

    static ThumbnailComponent thumbnails(DatasetFileLocator files, Dataset... datasets) {
        ThumbnailComponent.Config config = (ThumbnailComponent.Config) Proxy.newProxyInstance(
                ThumbnailComponentTest.class.getClassLoader(), new Class<?>[] {ThumbnailComponent.Config.class},
                (proxy, method, args) -> method.getDefaultValue());
        return new ThumbnailComponent(config, catalog(datasets), reader, new RendererComponent(), files);
    }

    static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    static int brightness(int argb) {
        return ((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff);
    }

    @Test
    void theThumbnailShowsTheFirstFramesBrightHalfBrightAndItsDarkHalfDark() throws Exception {
        ThumbnailComponent thumbnails = thumbnails(new HotFiles(), dataset("ds-1", "notes.txt", "stack.nxs"));
        BufferedImage image = image(thumbnails.png("ds-1", MEMBER, 64).orElseThrow());
        assertEquals(32, image.getWidth(), "a 32x32 frame fits 64x64 unbinned");
        assertEquals(32, image.getHeight());
        int dark = image.getRGB(3, 10);
        int bright = image.getRGB(28, 10);
        assertTrue(brightness(bright) > brightness(dark) + 300, Integer.toHexString(dark) + " vs "
                + Integer.toHexString(bright));
        // viridis from its dark violet bottom (68, 1, 84) to its yellow top (253, 231, 37)
        assertEquals(0x440154, dark & 0xffffff);
        assertEquals(0xfde725, bright & 0xffffff);
    }

    @Test
    void aLargeRequestIsBinnedByMaximumIntoTheSize() throws Exception {
        ThumbnailComponent thumbnails = thumbnails(new HotFiles(), dataset("ds-1", "stack.nxs"));
        BufferedImage image = image(thumbnails.png("ds-1", MEMBER, 8).orElseThrow());
        assertEquals(8, image.getWidth());
        assertEquals(0xfde725, image.getRGB(4, 0) & 0xffffff, "the bright half starts at column 16 of 32");
        assertEquals(0x440154, image.getRGB(3, 0) & 0xffffff);
    }

    @Test
    void aDatasetTheViewerMayNotSeeHasNoThumbnailAndNoFileIsRead() {
        HotFiles files = new HotFiles();
        ThumbnailComponent thumbnails = thumbnails(files, dataset("ds-1", "stack.nxs"));
        assertEquals(Optional.empty(), thumbnails.png("ds-1", STRANGER, 64));
        assertEquals(Optional.empty(), thumbnails.png("ds-404", MEMBER, 64));
        assertEquals(Optional.empty(), thumbnails.png("not an id?", MEMBER, 64));
        assertEquals(0, files.asked.get());
        // nor does a cached thumbnail leak to someone who may not see the dataset
        assertTrue(thumbnails.png("ds-1", MEMBER, 64).isPresent());
        assertEquals(Optional.empty(), thumbnails.png("ds-1", STRANGER, 64));
    }

    @Test
    void aFileOnlyOnTapeHasNoThumbnailAndNoRecallIsRequested() {
        AtomicInteger recalls = new AtomicInteger();
        Object tape = Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RecallableBackend.class, LocalFileBackend.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "capabilityId":
                            return "tape";
                        case "isOnline":
                            return false;
                        case "requestRecall":
                            recalls.incrementAndGet();
                            throw new AssertionError("a thumbnail requested a recall");
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        Dataset onTape = dataset("ds-1", "stack.nxs");
        onTape = new Dataset(onTape.id(), T0, onTape.content(), new Lifecycle(false, true, List.of("tape")),
                onTape.access(), "");
        TierFileLocator tiers = new TierFileLocator(() -> List.of((org.datastamp.storage.api.StorageBackend) tape));
        assertEquals(Optional.empty(), thumbnails(tiers, onTape).png("ds-1", MEMBER, 64));
        assertEquals(0, recalls.get());
    }

    @Test
    void aOneDimensionalSignalIsALinePlotAndADatasetWithoutNexusFileDrawsNothing() throws Exception {
        ThumbnailComponent thumbnails = thumbnails(new HotFiles(), dataset("ds-1", "profile.nxs"),
                dataset("ds-2", "notes.txt"));
        BufferedImage plot = image(thumbnails.png("ds-1", MEMBER, 32).orElseThrow());
        assertEquals(32, plot.getWidth());
        // the profile rises from 0 to 1: the line starts bottom left and ends top right, above it is empty
        assertTrue(opaque(plot, 1, 30), "bottom left");
        assertTrue(opaque(plot, 30, 1), "top right");
        assertTrue(!opaque(plot, 1, 1) && !opaque(plot, 30, 30), "top left and bottom right stay transparent");
        assertEquals(Optional.empty(), thumbnails.png("ds-2", MEMBER, 64));
    }

    static boolean opaque(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) >>> 24) > 0;
    }

    @Test
    void aDrawnThumbnailIsKeptPerDatasetAndSize() throws Exception {
        HotFiles files = new HotFiles();
        ThumbnailComponent thumbnails = thumbnails(files, dataset("ds-1", "stack.nxs"));
        byte[] first = thumbnails.png("ds-1", MEMBER, 16).orElseThrow();
        assertArrayEquals(first, thumbnails.png("ds-1", MEMBER, 16).orElseThrow());
        assertEquals(1, files.asked.get());
        thumbnails.png("ds-1", MEMBER, 64);
        assertEquals(2, files.asked.get(), "another size is drawn anew");
    }

    @Test
    void theFirstFrameIsReadWithAStrideThatKeepsItSmall() {
        assertEquals(":,:", ThumbnailDrawing.firstFrame(List.of(512L, 1024L)));
        assertEquals("0,::4,::2", ThumbnailDrawing.firstFrame(List.of(100L, 4096L, 2048L)));
        assertEquals("0,0,:,::2", ThumbnailDrawing.firstFrame(List.of(3L, 5L, 10L, 1025L)));
    }
}
