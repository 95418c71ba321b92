package org.datastamp.acquisition.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
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
 * Runs the HDF Group's h5dump and Python's h5py on a file, so tests check our files with the tools scientists use.
 * Missing tools fail the test: a skipped check would let unreadable files through.
 */
final class Hdf5Tools {

    static final String INSTALL_HINT = "install them with: apt-get install hdf5-tools python3-h5py";

    private Hdf5Tools() {
    }

    /** {@code h5dump -H file}: the file's structure without data. */
    static String h5dumpHeader(Path file) throws IOException, InterruptedException {
        String h5dump = onPath("h5dump").orElseFail("h5dump is not installed; " + INSTALL_HINT);
        Result r = run(List.of(h5dump, "-H", file.toString()));
        assertEquals(0, r.exitCode(), "h5dump -H failed on " + file + ":\n" + r.output());
        return r.output();
    }

    /**
     * Runs a Python script with h5py and returns its {@code key=value} output lines. Uses the first Python that
     * has h5py: {@code $DATASTAMP_PYTHON}, then python3 on the PATH, then the system's /usr/bin/python3 (Debian's
     * python3-h5py installs there, while a pyenv or venv python3 may come first on the PATH).
     */
    static Map<String, String> h5py(String script, Path file) throws IOException, InterruptedException {
        String python = pythonWithH5py();
        Result r = run(List.of(python, "-c", script, file.toString()));
        assertEquals(0, r.exitCode(), "h5py could not read " + file + ":\n" + r.output());
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : r.output().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    private static String pythonWithH5py() throws IOException, InterruptedException {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("DATASTAMP_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        onPath("python3").value().ifPresent(candidates::add);
        candidates.add("/usr/bin/python3");
        for (String python : candidates) {
            if (Files.isExecutable(Path.of(python))
                    && run(List.of(python, "-c", "import h5py, numpy")).exitCode() == 0) {
                return python;
            }
        }
        return fail("No Python with h5py found (tried " + candidates + "); " + INSTALL_HINT);
    }

    private record Found(java.util.Optional<String> value) {
        String orElseFail(String message) {
            return value.orElseGet(() -> fail(message));
        }
    }

    private static Found onPath(String program) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return new Found(java.util.Optional.of(candidate.toString()));
                }
            }
        }
        return new Found(java.util.Optional.empty());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command.get(0) + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
