package org.datastamp.acquisition.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the HDF Group's h5dump and Python's h5py (with hdf5plugin, so the bitshuffle and LZ4 filters load) on our
 * files: tests check them with the tools scientists use. A missing tool fails the test, never skips it.
 */
final class Hdf5Tools {

    static final String INSTALL_HINT = "install them with: apt-get install hdf5-tools python3-h5py python3-hdf5plugin"
            + " hdf5-filter-plugin bitshuffle";
    static final String PYTHON = "/usr/bin/python3";

    private Hdf5Tools() {
    }

    /** {@code h5dump} with the given options; fails the test if it exits non-zero. */
    static String h5dump(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(h5dumpProgram()));
        command.addAll(List.of(args));
        Result r = run(command);
        assertEquals(0, r.exitCode(), "h5dump failed: " + command + "\n" + r.output());
        return r.output();
    }

    /** The values of {@code dataset} as h5dump decodes them, written little-endian ({@code h5dump -b LE}). */
    static byte[] h5dumpValues(Path file, String dataset) throws IOException, InterruptedException {
        Path out = Files.createTempFile("h5dump", ".bin");
        try {
            h5dump("-d", dataset, "-b", "LE", "-o", out.toString(), file.toString());
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Runs a Python script with h5py and hdf5plugin imported; returns its {@code key=value} output lines. */
    static Map<String, String> python(String script, String... args) throws IOException, InterruptedException {
        requirePython();
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", "import h5py, hdf5plugin, numpy\n" + script));
        command.addAll(List.of(args));
        Result r = run(command);
        assertEquals(0, r.exitCode(), "Python/h5py failed:\n" + r.output());
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : r.output().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    private static void requirePython() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))
                || run(List.of(PYTHON, "-c", "import h5py, hdf5plugin, numpy")).exitCode() != 0) {
            fail(PYTHON + " with h5py, hdf5plugin and numpy is missing; " + INSTALL_HINT);
        }
    }

    private static String h5dumpProgram() {
        for (String dir : List.of("/usr/bin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, "h5dump"))) {
                return dir + "/h5dump";
            }
        }
        return fail("h5dump is not installed; " + INSTALL_HINT);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command.get(0) + " did not finish within 120 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
