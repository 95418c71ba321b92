package org.datastamp.visualization.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.NoSuchNodeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubsetWriteTest {

    @TempDir
    static Path dir;
    static Path file;

    /** Prints what h5py sees in a written subset: shape, dtype, a checksum of values, attributes, NX classes. */
    private static final String CHECK = String.join("\n",
            "import sys, h5py, numpy as np",
            "f = h5py.File(sys.argv[1], 'r'); d = f[sys.argv[2]]",
            "src = h5py.File(sys.argv[3], 'r')[sys.argv[2]][eval('np.s_[' + sys.argv[4] + ']')]",
            "print('shape', list(d.shape)); print('dtype', d.dtype.str)",
            "print('equal', bool(np.array_equal(d[()], src)))",
            "print('attrs', sorted((k, str(v)) for k, v in d.attrs.items()))",
            "g = d.parent; cls = []",
            "while g.name != '/': cls.append(g.attrs.get('NX_class')); g = g.parent",
            "print('classes', cls)");

    @BeforeAll
    static void writeFile() throws Exception {
        file = TestFiles.knownValues(dir);
    }

    private static String h5py(Path subset, String dataset, String slice) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", CHECK, subset.toString(), dataset, file.toString(),
                slice).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aSliceOfABitshuffleStackIsWrittenAsAnHdf5FileThatH5pyReadsBack() throws Exception {
        Hdf5DataFileReader writer = TestFiles.reader(1_000_000);
        writer.subsetBatchBytes = 5_000; // less than one 40x50 frame of uint32: every frame its own batch
        Path subset = dir.resolve("frames.h5");

        assertArrayEquals(new long[] {3, 20, 50}, writer.write(file, "/entry/data/data", "1:4,10:30,:", subset));

        String seen = h5py(subset, "/entry/data/data", "1:4,10:30,:");
        assertTrue(seen.contains("shape [3, 20, 50]"), seen);
        assertTrue(seen.contains("dtype <u4"), seen);
        assertTrue(seen.contains("equal True"), seen);
        assertTrue(seen.contains("classes [b'NXdata', b'NXentry']") || seen.contains("classes ['NXdata', 'NXentry']"),
                seen);
    }

    @Test
    void indexedDimensionsAreDroppedAndTheDatasetsAttributesCopied() throws Exception {
        Hdf5DataFileReader writer = TestFiles.reader(1_000_000);
        Path frame = dir.resolve("frame.h5");
        assertArrayEquals(new long[] {20, 25}, writer.write(file, "/entry/data/data", "-1,::2,::2", frame));
        String seen = h5py(frame, "/entry/data/data", "-1,::2,::2");
        assertTrue(seen.contains("shape [20, 25]") && seen.contains("equal True"), seen);

        Path x = dir.resolve("x.h5");
        assertArrayEquals(new long[] {10}, writer.write(file, "/entry/data/x", "5:15", x));
        String axis = h5py(x, "/entry/data/x", "5:15");
        assertTrue(axis.contains("equal True") && axis.contains("('units', 'mm')"), axis);

        Path scalar = dir.resolve("scalar.h5");
        assertArrayEquals(new long[0], writer.write(file, "/entry/data/scalar", "", scalar));
        assertTrue(h5py(scalar, "/entry/data/scalar", "()").contains("equal True"));
    }

    @Test
    void badSlicesAndMissingDatasetsAreRefusedBeforeAnyFileIsWritten() throws Exception {
        Hdf5DataFileReader writer = TestFiles.reader(1_000_000);
        Path target = dir.resolve("refused.h5");
        BadDataRequestException bounds = assertThrows(BadDataRequestException.class,
                () -> writer.write(file, "/entry/data/data", "9,:,:", target));
        assertTrue(bounds.getMessage().contains("out of bounds for dimension 0"), bounds.getMessage());
        assertThrows(BadDataRequestException.class, () -> writer.write(file, "/entry/data/data", "a:b", target));
        assertThrows(BadDataRequestException.class, () -> writer.write(file, "/entry/data/names", "", target));
        assertThrows(NoSuchNodeException.class, () -> writer.write(file, "/entry/nothing", "", target));
        assertTrue(Files.notExists(target));
    }
}
