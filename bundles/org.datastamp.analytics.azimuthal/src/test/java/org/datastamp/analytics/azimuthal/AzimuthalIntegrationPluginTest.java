package org.datastamp.analytics.azimuthal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.datastamp.analytics.api.InputDataset;
import org.datastamp.analytics.api.ProcessingException;
import org.datastamp.analytics.api.ProcessingResult;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.units.IndriyaUnitConverter;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DefaultPlot;
import org.datastamp.visualization.api.FileTree;
import org.datastamp.visualization.api.NdArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzimuthalIntegrationPluginTest {

    private static DataFileReader reader;
    private static AzimuthalIntegrationPlugin plugin;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        reader = SyntheticScans.reader();
        plugin = new AzimuthalIntegrationPlugin(reader, new IndriyaUnitConverter(), 2);
    }

    @AfterAll
    static void stop() {
        plugin.deactivate();
    }

    /** I(q) of every frame of a stack, read back from the output file through its NeXus default plot. */
    private record Curves(double[] q, double[][] intensity, double[][] errors, ProcessingResult result) {

        double binWidth() {
            return q[1] - q[0];
        }

        /** q of the highest bin between {@code from} and {@code to}. */
        double peak(int frame, double from, double to) {
            int best = -1;
            for (int b = 0; b < q.length; b++) {
                if (q[b] >= from && q[b] < to && (best < 0 || intensity[frame][b] > intensity[frame][best])) {
                    best = b;
                }
            }
            return q[best];
        }
    }

    private Curves run(Path file, Map<String, String> parameters) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-" + file.getFileName()));
        TestContext ctx = new TestContext(List.of(TestContext.dataset("Rings " + file.getFileName(), file)),
                parameters, out, 0);
        ProcessingResult result = plugin.process(ctx);
        assertEquals(1.0, ctx.progress.get(ctx.progress.size() - 1));
        assertEquals(1, result.files().size());
        Path written = out.resolve(result.files().get(0));
        FileTree tree = reader.tree(written);
        DefaultPlot plot = tree.defaultPlot().orElseThrow();
        assertEquals("/entry/data/I", plot.signal());
        double[] q = doubles(reader.read(written, plot.axes().get(plot.axes().size() - 1), ""));
        NdArray i = reader.read(written, plot.signal(), "");
        NdArray e = reader.read(written, "/entry/data/I_errors", "");
        int frames = i.rank() == 2 ? i.shape()[0] : 1;
        double[] flat = doubles(i);
        double[] flatErrors = doubles(e);
        double[][] intensity = new double[frames][];
        double[][] errors = new double[frames][];
        for (int f = 0; f < frames; f++) {
            intensity[f] = java.util.Arrays.copyOfRange(flat, f * q.length, (f + 1) * q.length);
            errors[f] = java.util.Arrays.copyOfRange(flatErrors, f * q.length, (f + 1) * q.length);
        }
        return new Curves(q, intensity, errors, result);
    }

    private static double[] doubles(NdArray a) {
        double[] v = new double[(int) a.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = Pixels.value(a, k);
        }
        return v;
    }

    @Test
    void ringsComeOutAtTheirKnownQWithinOneBin() throws Exception {
        Path file = SyntheticScans.write(dir.resolve("rings.nxs"), SyntheticScans.Options.standard());
        Curves c = run(file, Map.of("bins", "300"));
        assertEquals(300, c.q().length);
        assertEquals(3, c.intensity().length);
        double middle = (SyntheticScans.RING_1 + SyntheticScans.RING_2) / 2;
        for (int f = 0; f < 3; f++) {
            assertEquals(SyntheticScans.RING_1, c.peak(f, 0, middle), c.binWidth(), "ring 1, frame " + f);
            assertEquals(SyntheticScans.RING_2, c.peak(f, middle, 10), c.binWidth(), "ring 2, frame " + f);
        }
        // frame f has rings (f + 1) times as bright: frames are integrated in their own rows
        int ring = binOf(c, SyntheticScans.RING_1);
        assertTrue(c.intensity()[0][ring] < c.intensity()[1][ring] && c.intensity()[1][ring] < c.intensity()[2][ring]);
        // Poisson: variance = counts
        assertTrue(c.errors()[0][ring] > 0 && c.errors()[0][ring] < c.intensity()[0][ring]);
        Map<String, MetadataEntry> m = metadata(c.result());
        assertEquals("I(q) of Rings rings.nxs", c.result().title());
        assertEquals("", c.result().technique(), "technique inherited from the input");
        assertEquals(300, ((Number) m.get("q_bins").value()).intValue());
        assertEquals("1/nm", m.get("q_min").unit());
        assertEquals(1500.0, ((Number) m.get("detector_distance").value()).doubleValue(), 1e-9);
        assertEquals("mm", m.get("detector_distance").unit());
        assertEquals(SyntheticScans.BEAM_Y, ((Number) m.get("beam_center_y_pixels").value()).doubleValue(), 1e-9,
                "beam centre given in mm in the file, converted with the y pixel size");
        assertEquals(SyntheticScans.BEAM_Y * 0.2, ((Number) m.get("beam_center_y").value()).doubleValue(), 1e-9,
                "and recorded as a length, in mm");
        assertEquals("mm", m.get("beam_center_y").unit());
        assertEquals(200.0, ((Number) m.get("y_pixel_size").value()).doubleValue(), 1e-9, "0.0002 m");
        assertEquals(172.0, ((Number) m.get("x_pixel_size").value()).doubleValue(), 1e-9, "172 um");
        assertEquals(1.0, ((Number) m.get("wavelength").value()).doubleValue(), 1e-12);
    }

    private static int binOf(Curves c, double q) {
        int best = 0;
        for (int b = 0; b < c.q().length; b++) {
            if (Math.abs(c.q()[b] - q) < Math.abs(c.q()[best] - q)) {
                best = b;
            }
        }
        return best;
    }

    private static Map<String, MetadataEntry> metadata(ProcessingResult r) {
        return r.metadata().stream().collect(java.util.stream.Collectors.toMap(MetadataEntry::name, e -> e));
    }

    @Test
    void hotValuesInMaskedPixelsHaveNoEffect() throws Exception {
        Path clean = SyntheticScans.write(dir.resolve("clean.nxs"), SyntheticScans.Options.standard().frames(1));
        Path hot = SyntheticScans.write(dir.resolve("hot.nxs"), SyntheticScans.Options.standard().frames(1).withHot());
        Curves a = run(clean, Map.of("bins", "200"));
        Curves b = run(hot, Map.of("bins", "200"));
        assertArrayEquals(a.q(), b.q());
        assertArrayEquals(a.intensity()[0], b.intensity()[0], 1e-9);
        // the brightest bin is a ring, not the hot block (4e9 counts a pixel)
        assertTrue(Stream.of(b.intensity()[0]).flatMapToDouble(java.util.Arrays::stream).filter(Double::isFinite)
                .max().orElseThrow() < 1e4);
    }

    @Test
    void withoutTheMaskTheHotPixelsShow() throws Exception {
        Path hot = SyntheticScans.write(dir.resolve("hot.nxs"), SyntheticScans.Options.standard().frames(1).withHot()
                .noMask());
        Curves c = run(hot, Map.of("bins", "200"));
        assertTrue(java.util.Arrays.stream(c.intensity()[0]).filter(Double::isFinite).max().orElseThrow() > 1e6,
                "the same hot pixels, unmasked, dominate their bins");
        // an explicit mask dataset removes them again
        Path out = Files.createDirectories(dir.resolve("explicit"));
        TestContext ctx = new TestContext(List.of(TestContext.dataset("Hot", hot)),
                Map.of("bins", "200", "mask_path", "/entry/custom_mask"), out, 0);
        ProcessingResult r = plugin.process(ctx);
        NdArray i = reader.read(out.resolve(r.files().get(0)), "/entry/data/I", "");
        assertTrue(java.util.Arrays.stream(doubles(i)).filter(Double::isFinite).max().orElseThrow() < 1e4);
    }

    @Test
    void oneImageGivesOneCurveAndEnergyGivesTheWavelength() throws Exception {
        Path file = SyntheticScans.write(dir.resolve("single.nxs"), SyntheticScans.Options.standard().single()
                .withEnergy());
        Curves c = run(file, Map.of("bins", "250", "q_unit", "1/Å"));
        assertEquals(1, c.intensity().length);
        double middle = (SyntheticScans.RING_1 + SyntheticScans.RING_2) / 20;
        assertEquals(SyntheticScans.RING_1 / 10, c.peak(0, 0, middle), c.binWidth(), "0.45 1/nm = 0.045 1/Å");
        assertEquals(SyntheticScans.RING_2 / 10, c.peak(0, middle, 10), c.binWidth());
        assertEquals("1/angstrom", reader.tree(dir.resolve("out-single.nxs").resolve(c.result().files().get(0)))
                .root().children().get(0).children().stream().filter(n -> n.name().equals("data")).findFirst()
                .orElseThrow().children().stream().filter(n -> n.name().equals("q")).findFirst().orElseThrow()
                .attributes().get("units"));
    }

    @Test
    void aScanMasterWithAnExternalDataFileIsIntegratedOnce() throws Exception {
        Path master = SyntheticScans.write(dir.resolve("scan.nxs"), SyntheticScans.Options.standard().withExternal());
        Path data = dir.resolve("scan_data_000001.h5");
        assertTrue(Files.exists(data));
        Path out = Files.createDirectories(dir.resolve("out-master"));
        TestContext ctx = new TestContext(List.of(TestContext.dataset("Scan", master, data)),
                Map.of("bins", "100", "frames", "1:3"), out, 0);
        ProcessingResult r = plugin.process(ctx);
        assertEquals(List.of("scan_iq.nxs"), r.files());
        NdArray frames = reader.read(out.resolve("scan_iq.nxs"), "/entry/data/frame", "");
        assertArrayEquals(new double[] {1, 2}, doubles(frames));
    }

    @Test
    void parametersReplaceAMissingGeometry() throws Exception {
        Path file = SyntheticScans.write(dir.resolve("bare.nxs"), SyntheticScans.Options.standard().frames(1)
                .noGeometry());
        Curves c = run(file, Map.of("bins", "300", "distance", "1.5 m", "wavelength", "0.1 nm",
                "beam_center_x", "70.3", "beam_center_y", "40.7", "x_pixel_size", "172", "y_pixel_size", "0.2 mm"));
        double middle = (SyntheticScans.RING_1 + SyntheticScans.RING_2) / 2;
        assertEquals(SyntheticScans.RING_1, c.peak(0, 0, middle), c.binWidth());
        assertEquals(SyntheticScans.RING_2, c.peak(0, middle, 10), c.binWidth());
    }

    @Test
    void aWrongOverrideMovesTheRings() throws Exception {
        Path file = SyntheticScans.write(dir.resolve("rings.nxs"), SyntheticScans.Options.standard().frames(1));
        Curves c = run(file, Map.of("bins", "300", "distance", "3000"));
        double middle = (SyntheticScans.RING_1 + SyntheticScans.RING_2) / 4;
        // twice the distance: the same rings appear at about half the q
        assertEquals(SyntheticScans.RING_1 / 2, c.peak(0, 0, middle), 2 * c.binWidth());
    }

    @Test
    void cancellationStopsTheJobWithoutAResult() throws Exception {
        Path file = SyntheticScans.write(dir.resolve("long.nxs"), SyntheticScans.Options.standard().frames(20));
        Path out = Files.createDirectories(dir.resolve("cancelled"));
        TestContext ctx = new TestContext(List.of(TestContext.dataset("Long", file)), Map.of("bins", "100"), out, 6);
        assertThrows(CancellationException.class, () -> plugin.process(ctx));
        assertEquals(6, ctx.cancelChecks(), "stopped at the first check that threw");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(0, files.count(), "nothing written");
        }
        assertTrue(ctx.progress.stream().allMatch(p -> p < 0.5), "stopped early: " + ctx.progress);
    }

    @Test
    void aStoppedPluginFailsItsJobInsteadOfHanging() throws Exception {
        Path file = SyntheticScans.write(dir.resolve("rings.nxs"), SyntheticScans.Options.standard().frames(2));
        AzimuthalIntegrationPlugin stopped = new AzimuthalIntegrationPlugin(reader, new IndriyaUnitConverter(), 1);
        stopped.deactivate();
        Path out = Files.createDirectories(dir.resolve("stopped"));
        ProcessingException e = assertThrows(ProcessingException.class, () -> stopped.process(new TestContext(
                List.of(TestContext.dataset("Rings", file)), Map.of("bins", "50"), out, 0)));
        assertEquals("Stopped integrating rings.nxs: the azimuthal integration component has stopped (the plugin is"
                + " being updated or the server is stopping); run the job again", e.getMessage());
    }

    @Test
    void missingGeometryIsExplained() throws Exception {
        Path file = SyntheticScans.write(dir.resolve("bare.nxs"), SyntheticScans.Options.standard().noGeometry());
        ProcessingException e = assertThrows(ProcessingException.class, () -> run(file, Map.of("distance", "2 m")));
        assertTrue(e.getMessage().contains("bare.nxs does not record the detector geometry: no wavelength,"
                + " beam_center_x, beam_center_y, x_pixel_size, y_pixel_size"), e.getMessage());
        assertTrue(e.getMessage().contains("give the parameters 'wavelength'"), e.getMessage());
    }

    @Test
    void oneDimensionalDataIsRefused() throws Exception {
        Path file = SyntheticScans.write(dir.resolve("line.nxs"), SyntheticScans.Options.standard().oneDimensional());
        ProcessingException e = assertThrows(ProcessingException.class, () -> run(file, Map.of()));
        assertEquals("/entry/data/data in line.nxs is 1-D; azimuthal integration needs 2-D detector images (rows,"
                + " columns) or a stack of them (frames, rows, columns)", e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path out = Files.createDirectories(dir.resolve("none"));
        InputDataset input = TestContext.dataset("Gone", dir.resolve("gone.nxs"));
        ProcessingException e = assertThrows(ProcessingException.class,
                () -> plugin.process(new TestContext(List.of(input), Map.of(), out, 0)));
        assertTrue(e.getMessage().startsWith("Input file gone.nxs cannot be read at "), e.getMessage());
    }

    @Test
    void aDatasetWithoutHdf5FilesIsNamed() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "no images");
        InputDataset input = TestContext.dataset("Notes", text);
        ProcessingException e = assertThrows(ProcessingException.class,
                () -> plugin.process(new TestContext(List.of(input), Map.of(), dir, 0)));
        assertTrue(e.getMessage().contains("has no NeXus/HDF5 file (.nxs, .h5, .hdf5); its files are [notes.txt]"),
                e.getMessage());
    }

    @Test
    void badParametersAreExplained() throws Exception {
        Path file = SyntheticScans.write(dir.resolve("rings.nxs"), SyntheticScans.Options.standard().frames(1));
        assertEquals("Parameter 'bins' must be a whole number, got 'many'",
                assertThrows(ProcessingException.class, () -> run(file, Map.of("bins", "many"))).getMessage());
        assertEquals("Frame 7 is not in the stack of 1 frames (indices 0 to 0)",
                assertThrows(ProcessingException.class, () -> run(file, Map.of("frames", "7"))).getMessage());
        assertTrue(assertThrows(ProcessingException.class, () -> run(file, Map.of("distance", "2 K"))).getMessage()
                .startsWith("Parameter 'distance' is 2.0 K, not a length"));
        assertEquals("Integrating 100000 frames into 1000 bins makes a result of 1525 MiB, more than the 1024 MiB this"
                + " server allows for one job; select fewer frames (parameter 'frames', e.g. '0:1000') or fewer bins,"
                + " and run several jobs", assertThrows(ProcessingException.class,
                        () -> AzimuthalIntegrationPlugin.requireMemory(100_000, 1000, 1L << 30)).getMessage());
        AzimuthalIntegrationPlugin.requireMemory(10_000, 1000, 1L << 30);
    }

    @Test
    void theOutputIsANexusFileH5pyPlots() throws Exception {
        Path file = SyntheticScans.write(dir.resolve("rings.nxs"), SyntheticScans.Options.standard().frames(2));
        Curves c = run(file, Map.of("bins", "120"));
        Path written = dir.resolve("out-rings.nxs").resolve(c.result().files().get(0));
        String out = SyntheticScans.python(String.join("\n",
                "import sys, h5py",
                // io.jhdf writes fixed-length strings, which h5py returns as bytes (as for many NeXus files)
                "s = lambda v: v.decode() if isinstance(v, bytes) else [s(x) for x in v] if hasattr(v, '__len__')"
                        + " and not isinstance(v, str) else v",
                "f = h5py.File(sys.argv[1], 'r')",
                "e = f[s(f.attrs['default'])]; d = e[s(e.attrs['default'])]",
                "print(s(e.attrs['NX_class']), s(d.attrs['NX_class']), s(d.attrs['signal']), s(d.attrs['axes']))",
                "print(d['I'].shape, d['I_errors'].shape, d['q'].shape, s(d['q'].attrs['units']))",
                "p = e['process']; print(s(p.attrs['NX_class']), s(p['program'][()]), s(p['version'][()]),"
                        + " s(p['input_files'][()]))",
                "print(p['geometry/detector_distance'][()], s(p['geometry/detector_distance'].attrs['units']))",
                "print(s(p['parameters/bins'][()]))"), written.toString());
        assertEquals(String.join("\n",
                "NXentry NXdata I ['frame', 'q']",
                "(2, 120) (2, 120) (120,) 1/nm",
                "NXprocess DataSTaMP azimuthal-integration 1.0.0 ['rings.nxs']",
                "1500.0 mm",
                "120", ""), out);
    }

    @Test
    void descriptionDeclaresTheParameters() {
        var d = plugin.description();
        assertEquals("azimuthal-integration", d.id());
        assertEquals(List.of("bins", "q_unit", "frames", "mask_path", "error_model", "solid_angle",
                "polarization_factor", "signal", "distance", "wavelength", "beam_center_x", "beam_center_y", "x_pixel_size", "y_pixel_size"),
                d.parameters().stream().map(p -> p.name()).toList());
        assertEquals("mm", d.parameters().stream().filter(p -> p.name().equals("distance")).findFirst()
                .orElseThrow().unit());
        assertFalse(d.parameters().stream().anyMatch(p -> p.required()), "every parameter has a default");
    }
}
