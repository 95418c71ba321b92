package org.datastamp.analytics.jupyterhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Executes a generated starter notebook the way a user's server would: Debian's {@code jupyter nbconvert --execute}
 * with the python3 kernel (ipykernel), h5py and matplotlib, on NeXus files written here with h5py. Missing tools
 * fail the test: a skipped run would let a broken notebook through.
 */
class StarterNotebookRunsTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String INSTALL_HINT = "install them with: apt-get install python3-h5py python3-matplotlib"
            + " python3-ipykernel jupyter-nbconvert";

    /** An image with root and entry @default, a stack found without root @default, a 1-D curve, a plain HDF5. */
    private static final String WRITE_FILES = """
            import sys, h5py, numpy as np
            d = sys.argv[1]
            with h5py.File(d + "/image.nxs", "w") as f:
                f.attrs["default"] = "entry"
                e = f.create_group("entry"); e.attrs["NX_class"] = "NXentry"; e.attrs["default"] = "data"
                g = e.create_group("data"); g.attrs["NX_class"] = "NXdata"; g.attrs["signal"] = "counts"
                g.attrs["axes"] = np.array([b".", b"x"])
                g["counts"] = np.arange(16 * 20, dtype="float32").reshape(16, 20)
                g["x"] = np.linspace(0, 1, 20)
            with h5py.File(d + "/stack.nxs", "w") as f:
                e = f.create_group("scan"); e.attrs["NX_class"] = np.bytes_(b"NXentry"); e.attrs["default"] = b"frames"
                g = e.create_group("frames"); g.attrs["NX_class"] = b"NXdata"; g.attrs["signal"] = b"data"
                g["data"] = np.ones((4, 16, 20), dtype="uint16")
            with h5py.File(d + "/curve.nxs", "w") as f:
                f.attrs["default"] = "entry"
                e = f.create_group("entry"); e.attrs["NX_class"] = "NXentry"
                g = e.create_group("result"); g.attrs["NX_class"] = "NXdata"; g.attrs["signal"] = "I"
                g.attrs["axes"] = "q"
                g["q"] = np.linspace(0.01, 0.5, 50); g["I"] = np.exp(-g["q"][()] * 10)
            with h5py.File(d + "/plain.h5", "w") as f:
                f["numbers"] = np.arange(3)
            """;

    @TempDir
    Path dir;

    @Test
    void theStarterNotebookRunsAndPlotsEveryDefaultSignal() throws Exception {
        requireTools();
        run(List.of(PYTHON, "-c", WRITE_FILES, dir.toString()));
        List<String> files = List.of("image.nxs", "stack.nxs", "curve.nxs", "plain.h5").stream()
                .map(f -> dir.resolve(f).toString()).toList();
        ObjectMapper json = new ObjectMapper();
        Path notebook = dir.resolve("starter.ipynb");
        Files.writeString(notebook, json.writeValueAsString(StarterNotebook.generate(
                TestData.dataset("ds-1", "P1", "10.80512/ds-1", "image.nxs"), files)));

        run(List.of(PYTHON, "-m", "nbconvert", "--to", "notebook", "--execute", "--output", "executed.ipynb",
                notebook.toString()));

        JsonNode executed = json.readTree(dir.resolve("executed.ipynb").toFile());
        assertEquals(List.of(), NotebookSchema.errors(executed));
        StringBuilder printed = new StringBuilder();
        int images = 0;
        for (JsonNode output : executed.get("cells").get(2).get("outputs")) {
            if (output.path("output_type").asText().equals("stream")) {
                output.get("text").forEach(line -> printed.append(line.asText()));
            } else if (output.path("data").has("image/png")) {
                images++;
            }
        }
        String text = printed.toString();
        assertTrue(text.contains("image.nxs: /entry/data/counts shape=(16, 20) dtype=float32"), text);
        assertTrue(text.contains("stack.nxs: /scan/frames/data shape=(4, 16, 20) dtype=uint16"), text);
        assertTrue(text.contains("curve.nxs: /entry/result/I shape=(50,) dtype=float64"), text);
        assertTrue(text.contains("plain.h5: no NeXus default plot"), text);
        assertEquals(3, images, "one figure per default plot");
    }

    private static void requireTools() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing; " + INSTALL_HINT);
        }
        Process p = process(List.of(PYTHON, "-c", "import h5py, matplotlib, ipykernel, nbconvert"));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            fail("Debian's python3 lacks a module the notebook test needs (" + out.strip() + "); " + INSTALL_HINT);
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = process(command);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command + " did not finish within 300 s");
        }
        assertEquals(0, p.exitValue(), command + " failed:\n" + out);
    }

    private static Process process(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // Debian's python first: a pyenv or venv python3 earlier on the PATH lacks the Debian modules
        env.put("PATH", "/usr/bin:/bin");
        return builder.start();
    }
}
