package org.datastamp.acquisition.scan;

import static org.datastamp.acquisition.scan.ScanTesting.awaitEnd;
import static org.datastamp.acquisition.scan.ScanTesting.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.detector.simulated.SimulatedDetector;
import org.datastamp.detector.simulated.SimulatedDetectorSettings;
import org.datastamp.detector.simulated.SimulatedPattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs a real scan with the simulated detector and reads the NeXus file back with h5dump and h5py, comparing every
 * pixel against the detector's documented pattern.
 */
class NexusFileReadableByHdf5ToolsTest {

    private static final FrameGeometry GEOMETRY = new FrameGeometry(40, 24, PixelType.UINT16);
    private static final int FRAMES = 6;

    /** Prints what the test checks, one key=value per line; the data's hash covers every pixel. */
    private static final String READ_BACK = String.join("\n",
            "import sys, hashlib, h5py, numpy",
            "f = h5py.File(sys.argv[1], 'r')",
            "s = lambda v: v.decode() if isinstance(v, bytes) else str(v)",
            "d = f['/entry/data/data']",
            "print('shape=' + ','.join(str(n) for n in d.shape))",
            "print('dtype=' + d.dtype.str)",
            "print('compression=' + str(d.compression))",
            "print('sha256=' + hashlib.sha256(numpy.ascontiguousarray(d[()], dtype='<u2').tobytes()).hexdigest())",
            "print('pixel_f1_y5_x7=' + str(int(d[1, 5, 7])))",
            "print('pixel_f5_y3_x2=' + str(int(d[5, 3, 2])))",
            "for p in ['/', '/entry', '/entry/instrument', '/entry/instrument/detector',",
            "          '/entry/instrument/control_variables', '/entry/sample', '/entry/data']:",
            "    print('NX_class:' + p + '=' + s(f[p].attrs['NX_class']))",
            "print('root_default=' + s(f.attrs['default']))",
            "print('entry_default=' + s(f['/entry'].attrs['default']))",
            "print('signal=' + s(f['/entry/data'].attrs['signal']))",
            "print('title=' + s(f['/entry/title'][()]))",
            "print('definition=' + s(f['/entry/definition'][()]))",
            "print('start_time=' + s(f['/entry/start_time'][()]))",
            "print('sample=' + s(f['/entry/sample/name'][()]))",
            "print('instrument=' + s(f['/entry/instrument/name'][()]))",
            "t = f['/entry/instrument/control_variables/sample_temperature']",
            "print('sample_temperature=' + repr(float(t[()])))",
            "print('sample_temperature_units=' + s(t.attrs['units']))",
            "print('sample_temperature_device=' + s(t.attrs['device']))",
            "print('frame_count=' + str(int(f['/entry/instrument/detector/frame_count'][()])))");

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "deflate level {0}")
    @ValueSource(ints = {0, 6})
    void h5dumpAndH5pyReadTheFramesAndMetadataOfARealScan(int deflateLevel) throws Exception {
        Fakes.Resources resources = new Fakes.Resources()
                .with(new SimulatedDetector(new SimulatedDetectorSettings(GEOMETRY, 100)));
        resources.controls.add(new Fakes.Controls());
        ScanQueue queue = new ScanQueue(settings(dataDir, deflateLevel), resources, Clock.systemUTC());
        ScanStatus done;
        try {
            ScanStatus started = queue.start(new ScanRequest("simulated-detector", FRAMES, "Readback test", "lyso-01"));
            done = awaitEnd(queue, started.id(), Duration.ofSeconds(30));
        } finally {
            queue.shutdown(10, TimeUnit.SECONDS);
        }
        assertEquals(ScanState.COMPLETED, done.state(), done.error().orElse(""));
        Path file = dataDir.resolve("scan-000001.nxs");
        String key = resources.memoryStorage().objects.keySet().iterator().next();
        Files.write(file, resources.memoryStorage().objects.get(key));

        String header = Hdf5Tools.h5dumpHeader(file);
        Map<String, String> read = Hdf5Tools.h5py(READ_BACK, file);

        assertTrue(header.contains("DATASET \"data\""), header);
        assertTrue(header.contains("H5T_STD_U16LE"), header);
        assertTrue(header.contains("( " + FRAMES + ", 24, 40 )"), header);
        assertTrue(header.contains("GROUP \"control_variables\""), header);

        assertEquals(FRAMES + ",24,40", read.get("shape"));
        assertEquals("<u2", read.get("dtype"));
        assertEquals(deflateLevel == 0 ? "None" : "gzip", read.get("compression"));
        assertEquals(expectedFramesSha256(), read.get("sha256"), "every pixel matches the simulated pattern");
        assertEquals(String.valueOf(SimulatedPattern.value(1, 7, 5, GEOMETRY)), read.get("pixel_f1_y5_x7"));
        assertEquals("10000", read.get("pixel_f1_y5_x7"), "frame 1 has the bright spot at x=7, y=5");
        assertEquals(String.valueOf((2 + 2 * 3 + 3 * 5) % 200), read.get("pixel_f5_y3_x2"));
        assertEquals("NXroot", read.get("NX_class:/"));
        assertEquals("NXentry", read.get("NX_class:/entry"));
        assertEquals("NXinstrument", read.get("NX_class:/entry/instrument"));
        assertEquals("NXdetector", read.get("NX_class:/entry/instrument/detector"));
        assertEquals("NXcollection", read.get("NX_class:/entry/instrument/control_variables"));
        assertEquals("NXsample", read.get("NX_class:/entry/sample"));
        assertEquals("NXdata", read.get("NX_class:/entry/data"));
        assertEquals("entry", read.get("root_default"));
        assertEquals("data", read.get("entry_default"));
        assertEquals("data", read.get("signal"));
        assertEquals("Readback test", read.get("title"));
        assertEquals("NXscan", read.get("definition"));
        assertTrue(read.get("start_time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z"), read.get("start_time"));
        assertEquals("lyso-01", read.get("sample"));
        assertEquals("SimBeamline", read.get("instrument"));
        assertEquals("295.125", read.get("sample_temperature"));
        assertEquals("K", read.get("sample_temperature_units"));
        assertEquals("sim/cryo/cryostream-01", read.get("sample_temperature_device"));
        assertEquals(String.valueOf(FRAMES), read.get("frame_count"));
    }

    /** SHA-256 of all frames of the simulated pattern, little-endian uint16, frame by frame, row by row. */
    private static String expectedFramesSha256() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < FRAMES; i++) {
            ByteBuffer frame = SimulatedPattern.render(i, GEOMETRY);
            digest.update(frame);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
