package org.datastamp.visualization.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.datastamp.core.bitshuffle.ChunkFormat;
import org.datastamp.core.bitshuffle.FilterChunk;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.visualization.api.NdArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames decoded in Java from raw chunks are byte for byte what libhdf5 and its filter plugins return, for every
 * slice of a frame, with and without the frame cache; files the Java path does not handle are read by libhdf5.
 */
class FramesDecodedInJavaTest {

    private static final String SCRIPT = String.join("\n",
            "import os, sys, h5py, hdf5plugin, numpy as np",
            "out = sys.argv[1]",
            "rng = np.random.default_rng(7)",
            "def frames(n, h, w, dtype):",
            "    v = rng.poisson(20, (n, h, w)) + (rng.random((n, h, w)) < 0.01) * 30000",
            "    v = v.astype(dtype)",
            "    if np.dtype(dtype).kind == 'u': v[:, :, w // 2] = np.iinfo(dtype).max",
            "    return v",
            "bs = hdf5plugin.Bitshuffle(nelems=0, cname='lz4')",
            "with h5py.File(os.path.join(out, 'java.h5'), 'w') as f:",
            // 37 x 1001 = 37037 elements: 18 blocks of 2048, one of 168, 5 left over uncompressed
            "    f.create_dataset('bslz4_u32', data=frames(3, 37, 1001, '<u4'), chunks=(1, 37, 1001), **bs)",
            "    f.create_dataset('bslz4_u16', data=frames(2, 301, 203, '<u2'), chunks=(1, 301, 203), **bs)",
            "    f.create_dataset('bslz4_u8', data=frames(2, 129, 77, '<u1'), chunks=(1, 129, 77), **bs)",
            "    f.create_dataset('bslz4_f32', data=frames(2, 64, 65, '<f4') / 3, chunks=(1, 64, 65), **bs)",
            "    f.create_dataset('bslz4_2d', data=frames(1, 300, 301, '<u4')[0], chunks=(300, 301), **bs)",
            "    f.create_dataset('lz4_i32', data=frames(2, 100, 333, '<i4'), chunks=(1, 100, 333),"
                    + " **hdf5plugin.LZ4(nbytes=4096))",
            "    f.create_dataset('big_endian', data=frames(2, 30, 40, '>u4'), chunks=(1, 30, 40), **bs)",
            "    f.create_dataset('tiles', data=frames(2, 64, 64, '<u4'), chunks=(1, 16, 16), **bs)",
            "    f.create_dataset('deflate', data=frames(2, 30, 40, '<u4'), chunks=(1, 30, 40), compression='gzip')",
            "    d = f.create_dataset('unwritten', shape=(3, 20, 30), dtype='<u4', chunks=(1, 20, 30), fillvalue=7,"
                    + " **bs)",
            "    d[0] = frames(1, 20, 30, '<u4')[0]",
            // the writer's layout with several data files: a virtual dataset over blocks of frames
            "layout = h5py.VirtualLayout(shape=(5, 40, 50), dtype='<u4')",
            "for i, (a, b) in enumerate([(0, 2), (2, 5)]):",
            "    name = 'scan_data_%06d.h5' % (i + 1)",
            "    with h5py.File(os.path.join(out, name), 'w') as f:",
            "        f.create_dataset('entry/data/data', data=frames(b - a, 40, 50, '<u4'), chunks=(1, 40, 50), **bs)",
            "    layout[a:b] = h5py.VirtualSource(name, 'entry/data/data', shape=(b - a, 40, 50))",
            "with h5py.File(os.path.join(out, 'scan.nxs'), 'w') as f:",
            "    f.create_virtual_dataset('entry/data/data', layout, fillvalue=0)");

    @TempDir
    static Path dir;
    static Hdf5DataFileReader libhdf5;
    static Hdf5DataFileReader javaNoCache;
    static Hdf5DataFileReader javaCached;

    @BeforeAll
    static void writeFiles() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", SCRIPT, dir.toString()).redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "h5py/hdf5plugin could not write the test files:\n" + output);
        libhdf5 = TestFiles.reader(TestFiles.config(10_000_000, false, 0));
        javaNoCache = TestFiles.reader(TestFiles.config(10_000_000, true, 0));
        javaCached = TestFiles.reader(TestFiles.config(10_000_000, true, 64));
    }

    @AfterAll
    static void stop() {
        for (Hdf5DataFileReader r : List.of(libhdf5, javaNoCache, javaCached)) {
            r.deactivate();
        }
    }

    private static byte[] bytes(NdArray a) {
        long n = a.type().bytes();
        for (int d : a.shape()) {
            n *= d;
        }
        byte[] out = new byte[(int) n];
        a.data().get(0, out);
        return out;
    }

    /** Reads every slice with all three readers; returns how many frames the Java path decoded. */
    private static long assertSameAsLibhdf5(String file, String dataset, String leading, int height, int width)
            throws IOException, org.datastamp.visualization.api.VisualizationException {
        long before = javaNoCache.framesDecodedInJava() + javaCached.framesDecodedInJava();
        String[] planes = {":,:", "3:" + (height - 2) + ",1:" + (width - 1) + ":3", (height / 2) + ",:",
            ":," + (width / 2), (height - 1) + "," + (width - 1), "0:2,:", (height - 3) + ":,::7", "::2,::5"};
        for (String plane : planes) {
            String slice = leading.isEmpty() ? plane : leading + "," + plane;
            Path f = dir.resolve(file);
            byte[] expected = bytes(libhdf5.read(f, dataset, slice));
            assertArrayEquals(expected, bytes(javaNoCache.read(f, dataset, slice)), dataset + "[" + slice + "]");
            assertArrayEquals(expected, bytes(javaCached.read(f, dataset, slice)), dataset + "[" + slice + "], cached");
        }
        return javaNoCache.framesDecodedInJava() + javaCached.framesDecodedInJava() - before;
    }

    @ParameterizedTest(name = "{0}[{1}]")
    @CsvSource({"bslz4_u32, 1, 37, 1001", "bslz4_u32, 2, 37, 1001", "bslz4_u16, 0, 301, 203", "bslz4_u8, 1, 129, 77",
        "bslz4_f32, 1, 64, 65", "bslz4_2d, '', 300, 301", "lz4_i32, 1, 100, 333", "unwritten, 0, 20, 30"})
    void bitshuffleAndLz4FramesDecodeInJavaToLibhdf5sBytes(String dataset, String leading, int height, int width)
            throws Exception {
        assertTrue(assertSameAsLibhdf5("java.h5", "/" + dataset, leading, height, width) > 0,
                dataset + " was not decoded in Java");
    }

    @ParameterizedTest(name = "frame {0}")
    @CsvSource({"0", "1", "2", "4"})
    void framesOfAVirtualDatasetOverDataFilesDecodeFromTheDataFilesChunks(String frame) throws Exception {
        assertTrue(assertSameAsLibhdf5("scan.nxs", "/entry/data/data", frame, 40, 50) > 0,
                "the virtual dataset's frame was not decoded in Java");
    }

    @ParameterizedTest(name = "{0}[{1}]")
    @CsvSource({"big_endian, 1, 30, 40", "tiles, 1, 64, 64", "deflate, 0, 30, 40", "unwritten, 2, 20, 30"})
    void framesTheJavaPathDoesNotHandleAreReadByLibhdf5(String dataset, String leading, int height, int width)
            throws Exception {
        assertEquals(0, assertSameAsLibhdf5("java.h5", "/" + dataset, leading, height, width),
                dataset + " should have been left to libhdf5");
    }

    /** The stored frame's chunk, decoded: what {@code read} returns for the same slice. */
    private static void assertStoredFrameDecodesToTheRead(String file, String dataset, String slice, int height,
            int width, PixelType type) throws Exception {
        Path f = dir.resolve(file);
        Frame frame = javaNoCache.storedFrame(f, dataset, slice).orElseThrow(() -> new AssertionError(dataset + "["
                + slice + "] was not handed over as stored"));
        assertEquals(new FrameGeometry(width, height, type), frame.geometry());
        ChunkFormat format = frame.encoding() == FrameEncoding.BSLZ4 ? ChunkFormat.BITSHUFFLE_LZ4 : ChunkFormat.LZ4;
        ByteBuffer decoded = FilterChunk.parse(frame.pixels(), format, type.bytes()).decode(null, 1);
        byte[] bytes = new byte[decoded.capacity()];
        decoded.get(0, bytes);
        assertArrayEquals(bytes(libhdf5.read(f, dataset, slice)), bytes, dataset + "[" + slice + "]");
    }

    @ParameterizedTest(name = "{0}[{1}]")
    @CsvSource({"bslz4_u32, '1,:,:', 37, 1001, UINT32", "bslz4_u16, '0', 301, 203, UINT16",
        "bslz4_u8, '1,:', 129, 77, UINT8", "bslz4_f32, '1', 64, 65, FLOAT32", "bslz4_2d, '', 300, 301, UINT32",
        "lz4_i32, '1,:,:', 100, 333, INT32"})
    void wholeFramesAreHandedOverAsStoredForBinningWhileDecoding(String dataset, String slice, int height, int width,
            PixelType type) throws Exception {
        assertStoredFrameDecodesToTheRead("java.h5", "/" + dataset, slice, height, width, type);
    }

    @Test
    void aVirtualDatasetsFrameIsHandedOverAsItsDataFileStoresIt() throws Exception {
        assertStoredFrameDecodesToTheRead("scan.nxs", "/entry/data/data", "3,:,:", 40, 50, PixelType.UINT32);
    }

    @ParameterizedTest(name = "{0}[{1}]")
    @CsvSource({"bslz4_u32, '1,0:10,:'", "bslz4_u32, '1,:,::2'", "bslz4_u32, ':,0,:'", "big_endian, '1'",
        "tiles, '1'", "deflate, '0'", "unwritten, '2'"})
    void partsOfFramesAndFramesStoredOtherwiseAreNotHandedOver(String dataset, String slice) throws Exception {
        assertTrue(javaNoCache.storedFrame(dir.resolve("java.h5"), "/" + dataset, slice).isEmpty(),
                dataset + "[" + slice + "]");
        assertTrue(libhdf5.storedFrame(dir.resolve("java.h5"), "/bslz4_u32", "1").isEmpty(),
                "with decodeInJava=false every frame goes through libhdf5");
    }

    @Test
    void aFrameAlreadyDecodedInTheFrameCacheIsReadFromThere() throws Exception {
        Path f = dir.resolve("java.h5");
        assertTrue(javaCached.storedFrame(f, "/bslz4_u16", "1").isPresent());
        javaCached.read(f, "/bslz4_u16", "1");
        assertTrue(javaCached.storedFrame(f, "/bslz4_u16", "1").isEmpty());
    }
}
