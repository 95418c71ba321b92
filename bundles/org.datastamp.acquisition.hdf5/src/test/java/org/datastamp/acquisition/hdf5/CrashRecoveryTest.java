package org.datastamp.acquisition.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.datastamp.acquisition.api.RecoveredScanFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing JVM (SIGKILL, no shutdown hooks, nothing closed) after it acknowledged N frames, then recovers
 * the scan and checks with h5py that at least those N frames are there, equal to what was sent.
 */
class CrashRecoveryTest {

    static final int ACKNOWLEDGED = 40;

    @TempDir
    Path dir;

    @Test
    void everyFlushedFrameSurvivesAKillDashNine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), CrashingWriter.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        long acknowledged = 0;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; acknowledged < ACKNOWLEDGED && (line = out.readLine()) != null;) {
                output.add(line);
                if (line.startsWith("flushed ")) {
                    acknowledged = Long.parseLong(line.substring(8));
                }
            }
            writer.destroyForcibly(); // SIGKILL while it keeps appending
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(acknowledged >= ACKNOWLEDGED, "the writer stopped early:\n" + String.join("\n", output));
        Path master = dir.resolve("crash.nxs");
        assertTrue(Files.exists(ProgressFile.of(master)), "a killed writer leaves its sidecar");

        RecoveredScanFile recovered = TestFrames.writer("none").recover(master).orElseThrow();

        assertTrue(recovered.framesKept() >= acknowledged, recovered + " lost acknowledged frames");
        assertEquals("crash", recovered.scanId());
        assertFalse(Files.exists(ProgressFile.of(master)));
        long n = recovered.framesKept();
        Map<String, String> r = Hdf5Tools.python(String.join("\n", "import sys, hashlib",
                "f = h5py.File(sys.argv[1], 'r')",
                "d = f['/entry/data/data']",
                "print('frames=' + str(d.shape[0]))",
                "print('pixels=' + hashlib.sha256(numpy.ascontiguousarray(d[()], dtype='<u4').tobytes()).hexdigest())",
                "print('status=' + f['/entry'].attrs['datastamp_status'].decode() + ' '"
                        + " + str(f['/entry'].attrs['datastamp_frames']))"),
                master.toString());
        assertEquals(Long.toString(n), r.get("frames"));
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sent.add(TestFrames.raw(i, CrashingWriter.G));
        }
        assertEquals(TestFrames.sha256(sent), r.get("pixels"), "recovered frames equal the frames sent");
        assertEquals("incomplete " + n, r.get("status"));
        // The kill may land right after the writer opened the next data file and before that file's first frame:
        // that file is kept (empty), never a frame lost.
        long withFrames = 1 + (n + CrashingWriter.PER_FILE - 1) / CrashingWriter.PER_FILE;
        assertTrue(recovered.files().size() == withFrames || recovered.files().size() == withFrames + 1,
                recovered.files().size() + " files for " + n + " frames at " + CrashingWriter.PER_FILE + " per file");
        assertTrue(TestFrames.writer("none").recover(master).isEmpty(), "a recovered scan is finished");
    }
}
