package org.datastamp.acquisition.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

/** Early writeback (sync_file_range) of data files: on on Linux, off when asked, and never changes what is stored. */
class EarlyWritebackTest {

    @TempDir
    Path dir;

    @Test
    void isAvailableOnLinuxWhereTheWriterRuns() {
        assertTrue(EarlyWriteback.supported(), "this build and its benchmarks run on Linux: sync_file_range must be found");
    }

    @Test
    void startsWritebackOfAFileBeingWrittenWithoutError() throws Exception {
        Path file = dir.resolve("pages.bin");
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                EarlyWriteback w = EarlyWriteback.open(file, 1 << 20)) {
            assertTrue(w.active());
            ByteBuffer block = ByteBuffer.allocateDirect(1 << 20);
            for (int i = 0; i < 8; i++) {
                c.write(block.clear());
                w.written(block.capacity()); // one sync_file_range per MiB; a failing call would throw
            }
        }
        assertEquals(8L << 20, Files.size(file));
    }

    @Test
    void zeroIntervalTurnsItOff() throws Exception {
        Path file = Files.writeString(dir.resolve("off.bin"), "x");
        try (EarlyWriteback w = EarlyWriteback.open(file, 0)) {
            assertFalse(w.active());
            w.written(1L << 30);
        }
    }

    @Test
    void aMissingFileIsNamedInTheError() {
        Path missing = dir.resolve("not-there.h5");
        IOException e = assertThrows(IOException.class, () -> EarlyWriteback.open(missing, 1024));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("errno 2"), e.getMessage());
    }

    @Test
    void aNegativeIntervalIsRefused() {
        Path lib = dir.resolve("lib.so");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WriterSettings(lib,
                java.util.Optional.empty(), RawCompression.parse("none"), 0, true, -1024));
        assertTrue(e.getMessage().contains("earlyWritebackKiB"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, 1, EarlyWriteback.DEFAULT_EVERY_BYTES })
    void framesReadBackTheSameWithWritebackOffEveryFrameOrEvery8MiB(long everyBytes) throws Exception {
        FrameGeometry g = new FrameGeometry(64, 48, PixelType.UINT32);
        List<byte[]> raws = new ArrayList<>();
        try (ScanFile scan = TestFrames.writer("none", everyBytes)
                .create(TestFrames.layout(dir, "wb", g, FrameEncoding.RAW, 4, "", List.of()))) {
            for (int i = 0; i < 10; i++) {
                raws.add(TestFrames.raw(i, g));
                scan.append(TestFrames.frame(i, g, FrameEncoding.RAW, raws.get(i)));
            }
            assertEquals(10, scan.flush());
            scan.finish(TestFrames.T0.plusSeconds(1), List.of());
        }
        Map<String, String> r = Hdf5Tools.python(FramesReadBackTest.READ, dir.resolve("wb.nxs").toString());
        assertEquals("10,48,64", r.get("shape"));
        assertEquals(TestFrames.sha256(raws), r.get("pixels"));
        assertArrayEquals(raws.get(9), java.util.Arrays.copyOfRange(
                Hdf5Tools.h5dumpValues(dir.resolve("wb_data_000003.h5"), "/entry/data/data"), 64 * 48 * 4, 2 * 64 * 48 * 4));
    }
}
