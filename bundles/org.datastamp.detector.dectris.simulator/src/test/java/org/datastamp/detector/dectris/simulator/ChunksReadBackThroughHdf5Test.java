package org.datastamp.detector.dectris.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The proof that the simulator's chunks are what the HDF5 filters store: h5py writes each chunk with a direct chunk
 * write into a dataset declared with the bitshuffle (32008) or LZ4 (32004) filter, reads the dataset back through
 * the filter plugins (hdf5plugin), and every pixel must equal the pattern.
 */
class ChunksReadBackThroughHdf5Test {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = """
            import sys, h5py, hdf5plugin, numpy as np
            chunk_file, raw_file, h5_file, kind, bits, width, height = sys.argv[1:8]
            dtype = np.dtype('<u' + str(int(bits) // 8))
            shape = (int(height), int(width))
            filt = hdf5plugin.Bitshuffle(cname='lz4') if kind == 'bslz4' else hdf5plugin.LZ4()
            with h5py.File(h5_file, 'w') as f:
                d = f.create_dataset('data', shape=(1,) + shape, chunks=(1,) + shape, dtype=dtype, **filt)
                d.id.write_direct_chunk((0, 0, 0), open(chunk_file, 'rb').read())
            with h5py.File(h5_file, 'r') as f:
                d = f['data']
                back = d[0]
                filters = list(d._filters.keys())
            expected = np.frombuffer(open(raw_file, 'rb').read(), dtype=dtype).reshape(shape)
            print('filters=' + ','.join(filters))
            print('mismatches=' + str(int(np.count_nonzero(back != expected))))
            print('max=' + str(int(back.max())))
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} chunk of a {1}x{2} {3}-bit frame")
    @CsvSource({
            // 101x51 = 5151 pixels: two full bitshuffle blocks at 32 bits, a last block and 7 leftover pixels
            "bslz4, 101, 51, 32", "bslz4, 101, 51, 16", "bslz4, 101, 51, 8", "bslz4, 256, 128, 32",
            "lz4, 101, 51, 32", "lz4, 64, 33, 16", "lz4, 100, 41, 8"})
    void h5pyDecodesTheChunkToThePattern(String kind, int width, int height, int bits) throws Exception {
        byte[] raw = PixelPattern.render(5, width, height, bits);
        ChunkEncoder encoder = new ChunkEncoder();
        byte[] chunk = kind.equals("bslz4") ? encoder.bslz4Chunk(raw, bits / 8) : encoder.lz4Chunk(raw);
        Path chunkFile = Files.write(dir.resolve("chunk"), chunk);
        Path rawFile = Files.write(dir.resolve("raw"), raw);

        String out = python(chunkFile, rawFile, dir.resolve("f.h5"), kind, bits, width, height);

        assertEquals(kind.equals("bslz4") ? "32008" : "32004", value(out, "filters"), out);
        assertEquals("0", value(out, "mismatches"), "pixels differ from the pattern:\n" + out);
        assertEquals(String.valueOf((1L << bits) - 2), value(out, "max"), "hot pixels set every bit plane");
    }

    private static String python(Path chunk, Path raw, Path h5, String kind, int bits, int width, int height)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing; install python3-h5py and python3-hdf5plugin (Debian)");
        }
        Process p = new ProcessBuilder(List.of(PYTHON, "-c", SCRIPT, chunk.toString(), raw.toString(), h5.toString(),
                kind, String.valueOf(bits), String.valueOf(width), String.valueOf(height)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("h5py did not finish within 60 s");
        }
        assertEquals(0, p.exitValue(), "h5py failed (needs python3-h5py and python3-hdf5plugin):\n" + out);
        return out;
    }

    private static String value(String out, String key) {
        return out.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst()
                .orElseGet(() -> fail("no " + key + " in:\n" + out));
    }
}
