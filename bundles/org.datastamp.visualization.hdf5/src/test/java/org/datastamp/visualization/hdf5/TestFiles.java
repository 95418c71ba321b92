package org.datastamp.visualization.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.datastamp.core.hdf5.LibraryLocator;

/**
 * Writes NeXus files with known values through h5py and hdf5plugin (the tools scientists use), and makes readers for
 * them. A missing tool fails the test, never skips it.
 */
final class TestFiles {

    /** Value of pixel (frame, y, x) in every stack written here. */
    static long value(int frame, int y, int x) {
        return frame * 10_000L + y * 100L + x;
    }

    static final int FRAMES = 4;
    static final int HEIGHT = 40;
    static final int WIDTH = 50;

    private static final String SCRIPT = String.join("\n",
            "import sys, h5py, hdf5plugin, numpy as np",
            "f = h5py.File(sys.argv[1], 'w')",
            "f.attrs['default'] = 'entry'",
            "e = f.create_group('entry'); e.attrs['NX_class'] = 'NXentry'; e.attrs['default'] = 'data'",
            "e['title'] = 'known values'",
            "d = e.create_group('data'); d.attrs['NX_class'] = 'NXdata'; d.attrs['signal'] = 'data'",
            "d.attrs['axes'] = np.array(['.', 'y', 'x'], dtype=h5py.string_dtype())",
            "f_, y, x = np.meshgrid(np.arange(4), np.arange(40), np.arange(50), indexing='ij')",
            "v = (f_ * 10000 + y * 100 + x).astype('<u4')",
            "v[2, 3, 4] = 2**32 - 1",
            "d.create_dataset('data', data=v, chunks=(1, 40, 50), **hdf5plugin.Bitshuffle(nelems=0, cname='lz4'))",
            "d.create_dataset('lz4', data=v.astype('<u2'), chunks=(1, 20, 25), **hdf5plugin.LZ4())",
            "d.create_dataset('deflate', data=v.astype('<i4'), chunks=(2, 8, 50), compression='gzip')",
            "d['y'] = np.arange(40) * 0.5; d['x'] = np.arange(50) * 0.25",
            "d['x'].attrs['units'] = 'mm'",
            "d['profile'] = np.linspace(0.0, 1.0, 11)",
            "d['names'] = np.array(['a', 'b'], dtype=h5py.string_dtype())",
            "d['scalar'] = 42.5",
            "e['link_to_data'] = h5py.SoftLink('/entry/data/data')",
            "e['dangling'] = h5py.ExternalLink('missing.h5', '/nothing')",
            "f.close()");

    private TestFiles() {
    }

    /** A NeXus file with the known-value stack, bitshuffle/LZ4, LZ4 and deflate copies, axes and a 1-D profile. */
    static Path knownValues(Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("known.nxs");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", SCRIPT, file.toString()).redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "h5py/hdf5plugin could not write the test file (apt-get install python3-h5py"
                + " python3-hdf5plugin hdf5-filter-plugin bitshuffle):\n" + output);
        return file;
    }

    static Hdf5DataFileReader reader(long maxElements) throws IOException {
        return reader(config(maxElements, true, 1));
    }

    static Hdf5DataFileReader reader(Hdf5DataFileReader.Config config) throws IOException {
        Path lib = LibraryLocator.library("", System.getenv(LibraryLocator.ENV));
        Hdf5DataFileReader reader = new Hdf5DataFileReader();
        reader.configure(lib, LibraryLocator.pluginDir("", lib), config);
        return reader;
    }

    /** Settings with 16 MiB of chunk cache, and frames decoded in Java on 2 threads or by libhdf5's plugins. */
    static Hdf5DataFileReader.Config config(long maxElements, boolean decodeInJava, int frameCacheMegabytes) {
        return new Hdf5DataFileReader.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Hdf5DataFileReader.Config.class;
            }

            @Override
            public String libraryPath() {
                return "";
            }

            @Override
            public String pluginPath() {
                return "";
            }

            @Override
            public long maxElements() {
                return maxElements;
            }

            @Override
            public int chunkCacheMegabytes() {
                return 16;
            }

            @Override
            public int maxTreeNodes() {
                return 1000;
            }

            @Override
            public int frameCacheMegabytes() {
                return frameCacheMegabytes;
            }

            @Override
            public int decodeThreads() {
                return 2;
            }

            @Override
            public boolean decodeInJava() {
                return decodeInJava;
            }
        };
    }

}
