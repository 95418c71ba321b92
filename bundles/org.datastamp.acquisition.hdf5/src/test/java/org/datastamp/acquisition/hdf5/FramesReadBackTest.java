package org.datastamp.acquisition.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.datastamp.acquisition.api.ScanFile;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writes raw, LZ4 and bitshuffle/LZ4 frames and reads them back with h5py (through the master file's links) and
 * h5dump (each data file), comparing every pixel with what was sent; compressed chunks must be stored byte for byte.
 */
class FramesReadBackTest {

    /** Reads the frames through the master file; prints shape, dtype, hash of all pixels (LE) and of stored chunks. */
    static final String READ = String.join("\n",
            "import sys, hashlib",
            "f = h5py.File(sys.argv[1], 'r')",
            "d = f['/entry/data/data']",
            "print('shape=' + ','.join(str(n) for n in d.shape))",
            "print('dtype=' + d.dtype.str)",
            "print('pixels=' + hashlib.sha256(numpy.ascontiguousarray(d[()], dtype=d.dtype.newbyteorder('<')).tobytes()).hexdigest())",
            "g = f['/entry/data']",
            "names = sorted(k for k in g.keys() if k.startswith('data_'))",
            "print('links=' + ','.join(names))",
            "h = hashlib.sha256()",
            "filters = set()",
            "for k in names:",
            "    s = g[k]",
            "    filters.add(','.join(str(x) for x in s._filters.keys()))",
            "    for i in range(s.shape[0]):",
            "        h.update(s.id.read_direct_chunk((i, 0, 0))[1])",
            "print('chunks=' + h.hexdigest())",
            "print('filters=' + ';'.join(sorted(filters)))");

    @TempDir
    Path dir;

    @Test
    void rawFramesReadBackPixelForPixelAcrossThreeDataFiles() throws Exception {
        FrameGeometry g = new FrameGeometry(40, 24, PixelType.UINT16);
        List<byte[]> raws = write("raw", g, FrameEncoding.RAW, 5, 2, "none", null);
        Map<String, String> r = Hdf5Tools.python(READ, dir.resolve("raw.nxs").toString());
        assertEquals("5,24,40", r.get("shape"));
        assertEquals("<u2", r.get("dtype"));
        assertEquals(TestFrames.sha256(raws), r.get("pixels"), "pixels through the master's virtual dataset");
        assertEquals("data_000001,data_000002,data_000003", r.get("links"));
        assertEquals(TestFrames.sha256(raws), r.get("chunks"), "uncompressed chunks are the pixels");
        assertEquals("", r.get("filters"));
        assertArrayEquals(concat(raws.subList(0, 2)),
                Hdf5Tools.h5dumpValues(dir.resolve("raw_data_000001.h5"), "/entry/data/data"));
        assertArrayEquals(concat(raws.subList(4, 5)),
                Hdf5Tools.h5dumpValues(dir.resolve("raw_data_000003.h5"), "/entry/data/data"));
    }

    @Test
    void lz4FramesAreStoredAsSentAndDecodeToTheSentPixels() throws Exception {
        FrameGeometry g = new FrameGeometry(64, 48, PixelType.UINT32);
        List<byte[]> chunks = new ArrayList<>();
        List<byte[]> raws = write("lz4", g, FrameEncoding.LZ4, 4, 10, "none", chunks);
        Map<String, String> r = Hdf5Tools.python(READ, dir.resolve("lz4.nxs").toString());
        assertEquals("4,48,64", r.get("shape"));
        assertEquals("<u4", r.get("dtype"));
        assertEquals(TestFrames.sha256(chunks), r.get("chunks"), "chunks stored exactly as sent");
        assertEquals(TestFrames.sha256(raws), r.get("pixels"), "decoded by the LZ4 plugin to the sent pixels");
        assertEquals("32004", r.get("filters"));
        assertArrayEquals(concat(raws), Hdf5Tools.h5dumpValues(dir.resolve("lz4_data_000001.h5"), "/entry/data/data"));
    }

    @Test
    void bitshuffleLz4FramesFromTheRealFilterAreStoredAsSent() throws Exception {
        FrameGeometry g = new FrameGeometry(70, 33, PixelType.UINT32);
        List<byte[]> chunks = new ArrayList<>();
        List<byte[]> raws = write("bs", g, FrameEncoding.BSLZ4, 5, 3, "none", chunks);
        Map<String, String> r = Hdf5Tools.python(READ, dir.resolve("bs.nxs").toString());
        assertEquals("5,33,70", r.get("shape"));
        assertEquals(TestFrames.sha256(chunks), r.get("chunks"), "chunks stored exactly as sent");
        assertEquals(TestFrames.sha256(raws), r.get("pixels"), "decoded by the bitshuffle plugin to the sent pixels");
        assertEquals("32008", r.get("filters"));
        assertArrayEquals(concat(raws.subList(0, 3)),
                Hdf5Tools.h5dumpValues(dir.resolve("bs_data_000001.h5"), "/entry/data/data"));
        assertArrayEquals(concat(raws.subList(3, 5)),
                Hdf5Tools.h5dumpValues(dir.resolve("bs_data_000002.h5"), "/entry/data/data"));
        String header = Hdf5Tools.h5dump("-p", "-H", dir.resolve("bs_data_000001.h5").toString());
        // what the plugin's set_local makes of (block size 0, LZ4): version 0.3, 4-byte elements, block 0, LZ4
        assertTrue(header.contains("FILTER_ID 32008") && header.matches("(?s).*PARAMS \\{ 0 \\d+ 4 0 2 \\}.*"),
                header);
    }

    @ParameterizedTest
    @ValueSource(strings = { "bslz4", "lz4", "deflate:3" })
    void rawFramesAreCompressedByTheConfiguredFilter(String compression) throws Exception {
        FrameGeometry g = new FrameGeometry(50, 20, PixelType.UINT32);
        List<byte[]> raws = write("c", g, FrameEncoding.RAW, 3, 10, compression, null);
        Map<String, String> r = Hdf5Tools.python(READ, dir.resolve("c.nxs").toString());
        assertEquals(TestFrames.sha256(raws), r.get("pixels"));
        String expected = switch (compression) {
            case "bslz4" -> "32008";
            case "lz4" -> "32004";
            default -> "shuffle,gzip"; // h5py names the built-in filters
        };
        assertEquals(expected, r.get("filters"));
        assertArrayEquals(concat(raws), Hdf5Tools.h5dumpValues(dir.resolve("c_data_000001.h5"), "/entry/data/data"));
    }

    /** Writes {@code count} frames of the test pattern as {@code encoding}; returns the raw pixels sent. */
    private List<byte[]> write(String scanId, FrameGeometry g, FrameEncoding encoding, int count, int perFile,
            String rawCompression, List<byte[]> chunksOut) throws Exception {
        List<byte[]> raws = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            raws.add(TestFrames.raw(i, g));
        }
        List<byte[]> sent = switch (encoding) {
            case RAW -> raws;
            case LZ4 -> raws.stream().map(TestFrames::lz4Chunk).toList();
            case BSLZ4 -> TestFrames.bitshuffleChunks(raws, g, dir.resolve("reference"));
        };
        if (chunksOut != null) {
            chunksOut.addAll(sent);
        }
        try (ScanFile scan = TestFrames.writer(rawCompression)
                .create(TestFrames.layout(dir, scanId, g, encoding, perFile, "", List.of()))) {
            for (int i = 0; i < count; i++) {
                scan.append(TestFrames.frame(i, g, encoding, sent.get(i)));
            }
            assertEquals(count, scan.flush());
            scan.finish(TestFrames.T0.plusSeconds(5), List.of());
        }
        return raws;
    }

    private static byte[] concat(List<byte[]> parts) {
        int size = parts.stream().mapToInt(p -> p.length).sum();
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
