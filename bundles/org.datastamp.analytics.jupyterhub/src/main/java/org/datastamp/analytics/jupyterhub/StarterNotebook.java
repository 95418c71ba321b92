package org.datastamp.analytics.jupyterhub;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.NewDataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the starter notebook for a dataset: nbformat 4.5 JSON with a Python 3 kernel, a markdown cell saying what
 * the data is and how to cite it, and code cells that open the files read-only with h5py, follow the NeXus default
 * plot ({@code @default} to an NXentry, then to an NXdata, its {@code @signal} and {@code @axes}) and plot it with
 * matplotlib: a line for 1-D, an image for 2-D, the first frame for 3-D and more. It prints each signal's shape and
 * dtype, so a file without a default plot still tells the user what is there.
 */
final class StarterNotebook {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String HELPERS = """
            import h5py
            import numpy as np
            import matplotlib.pyplot as plt


            def text(value):
                \"""An HDF5 string attribute as str (h5py gives str, bytes or arrays of them).\"""
                if isinstance(value, bytes):
                    return value.decode("utf-8")
                if isinstance(value, np.ndarray):
                    return [text(v) for v in value.tolist()]
                return value


            def child_of_class(group, nx_class):
                for node in group.values():
                    if isinstance(node, h5py.Group) and text(node.attrs.get("NX_class", "")) == nx_class:
                        return node
                return None


            def default_plot(f):
                \"""The NeXus default plot: (NXdata, signal, [axis or None per dimension]), or None.\"""
                entry = f.get(text(f.attrs["default"])) if "default" in f.attrs else child_of_class(f, "NXentry")
                if entry is None:
                    return None
                data = entry.get(text(entry.attrs["default"])) if "default" in entry.attrs else None
                data = data if data is not None else child_of_class(entry, "NXdata")
                if data is None or "signal" not in data.attrs:
                    return None
                signal = data[text(data.attrs["signal"])]
                names = text(data.attrs.get("axes", []))
                names = [names] if isinstance(names, str) else list(names)
                axes = [data[n] if n != "." and n in data else None for n in names]
                return data, signal, axes + [None] * (signal.ndim - len(axes))


            def plot_default(path):
                with h5py.File(path, "r") as f:
                    found = default_plot(f)
                    if found is None:
                        print(f"{path}: no NeXus default plot (@default, NXdata @signal); top-level items: {list(f)}")
                        return
                    data, signal, axes = found
                    print(f"{path}: {signal.name} shape={signal.shape} dtype={signal.dtype}")
                    if signal.ndim == 0:
                        print("value:", signal[()])
                        return
                    fig, ax = plt.subplots(figsize=(7, 5))
                    if signal.ndim == 1:
                        x = axes[0][()] if axes[0] is not None else np.arange(signal.shape[0])
                        ax.plot(x, signal[()])
                        ax.set_xlabel(axes[0].name.rsplit("/", 1)[-1] if axes[0] is not None else "index")
                        ax.set_ylabel(signal.name.rsplit("/", 1)[-1])
                    else:
                        # the first frame of a stack: leading dimensions at index 0
                        frame = signal[(0,) * (signal.ndim - 2)]
                        image = ax.imshow(frame, origin="lower", aspect="auto", interpolation="nearest")
                        fig.colorbar(image, ax=ax, label=signal.name.rsplit("/", 1)[-1])
                        if signal.ndim > 2:
                            ax.set_xlabel(f"frame 0 of {signal.shape[:-2]}")
                    ax.set_title(f"{path.rsplit('/', 1)[-1]}: {data.name}")
                    plt.show()
            """;

    private StarterNotebook() {
    }

    /** File names the notebook opens with h5py. */
    static boolean isHdf5(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".h5") || p.endsWith(".hdf5") || p.endsWith(".hdf") || p.endsWith(".nxs")
                || p.endsWith(".nx5") || p.endsWith(".nexus");
    }

    /**
     * The notebook for {@code dataset}, whose HDF5 files are at {@code files} inside the user's server.
     */
    static ObjectNode generate(Dataset dataset, List<String> files) {
        ObjectNode notebook = NODES.objectNode();
        ObjectNode metadata = notebook.putObject("metadata");
        ObjectNode kernel = metadata.putObject("kernelspec");
        kernel.put("name", "python3");
        kernel.put("display_name", "Python 3");
        kernel.put("language", "python");
        metadata.putObject("language_info").put("name", "python");
        metadata.putObject("datastamp").put("dataset", dataset.id().value());
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        ArrayNode cells = notebook.putArray("cells");
        cells.add(markdown("about", about(dataset, files)));
        cells.add(code("helpers", HELPERS));
        cells.add(code("files", "FILES = " + pythonList(files) + "\n"
                + "for path in FILES:\n    plot_default(path)"));
        return notebook;
    }

    private static String about(Dataset dataset, List<String> files) {
        NewDataset c = dataset.content();
        StringBuilder s = new StringBuilder("# ").append(c.title()).append("\n\n");
        s.append("Dataset `").append(dataset.id().value()).append("`, ").append(c.type().name().toLowerCase(Locale.ROOT))
                .append(" data from **").append(c.instrument()).append("**");
        if (!c.proposalId().isEmpty()) {
            s.append(", proposal ").append(c.proposalId());
        }
        s.append(", measured ").append(DAY.format(c.startTime())).append(" to ").append(DAY.format(c.endTime()));
        if (!c.sampleName().isEmpty()) {
            s.append("; sample ").append(c.sampleName());
        }
        s.append(".\n\n");
        if (!c.description().isEmpty()) {
            s.append(c.description()).append("\n\n");
        }
        s.append("**How to cite:** ");
        if (!dataset.doi().isEmpty()) {
            s.append(c.title()).append(" (").append(c.instrument()).append(", ")
                    .append(c.startTime().atZone(ZoneOffset.UTC).getYear()).append("). https://doi.org/")
                    .append(dataset.doi()).append("\n\n");
        } else {
            s.append("this dataset has no DOI yet; cite it by its id `").append(dataset.id().value())
                    .append("` and the facility, or ask for a DOI when it is published.\n\n");
        }
        s.append(files.isEmpty() ? "The dataset has no HDF5/NeXus files to open here."
                : "The files below are mounted **read-only**; write results to your home folder.");
        return s.toString();
    }

    private static ObjectNode markdown(String id, String source) {
        ObjectNode cell = NODES.objectNode();
        cell.put("cell_type", "markdown");
        cell.put("id", id);
        cell.putObject("metadata");
        cell.set("source", lines(source));
        return cell;
    }

    private static ObjectNode code(String id, String source) {
        ObjectNode cell = NODES.objectNode();
        cell.put("cell_type", "code");
        cell.put("id", id);
        cell.putNull("execution_count");
        cell.putObject("metadata");
        cell.putArray("outputs");
        cell.set("source", lines(source.strip()));
        return cell;
    }

    /** nbformat's multi-line string: lines keep their newline, the last one has none. */
    private static ArrayNode lines(String text) {
        ArrayNode lines = NODES.arrayNode();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            lines.add(text.substring(start, i + 1));
            start = i + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** A Python list of str literals: JSON string literals are valid Python ones. */
    private static String pythonList(List<String> items) {
        List<String> quoted = new ArrayList<>();
        for (String item : items) {
            try {
                quoted.add(JSON.writeValueAsString(item));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A string is always JSON", e);
            }
        }
        return quoted.isEmpty() ? "[]" : "[\n    " + String.join(",\n    ", quoted) + ",\n]";
    }
}
