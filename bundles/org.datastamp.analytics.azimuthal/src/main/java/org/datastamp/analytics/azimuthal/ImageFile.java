package org.datastamp.analytics.azimuthal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.datastamp.analytics.api.ProcessingException;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DatasetInfo;
import org.datastamp.visualization.api.FileTree;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.Node;
import org.datastamp.visualization.api.NodeKind;
import org.datastamp.visualization.api.VisualizationException;

/**
 * One NeXus file of detector images as the plugin needs it: where the images are, their shape, the detector geometry
 * and a static mask. The geometry is looked for where NXmx (as our scan writer writes it) and NXsas put it: the
 * NXdetector's {@code distance}, {@code beam_center_x/y}, {@code x/y_pixel_size}; the wavelength in NXbeam
 * ({@code incident_wavelength}, else {@code incident_energy}), NXmonochromator ({@code wavelength}, {@code energy}),
 * else the scan's start metadata ({@code wavelength}, {@code beam_energy}, {@code energy}).
 *
 * @param file     the file
 * @param name     its name within the dataset (for messages and the provenance)
 * @param signal   path of the image dataset
 * @param frames   frames in the stack (1 for a 2-D image)
 * @param stacked  the dataset is 3-D (frames, rows, columns)
 * @param height   rows
 * @param width    columns
 * @param geometry the geometry used
 * @param mask     static mask, true = excluded, row-major; null if none
 * @param maskPath where the static mask came from; empty if none
 */
record ImageFile(Path file, String name, String signal, int frames, boolean stacked, int height, int width,
        Geometry geometry, boolean[] mask, String maskPath) {

    static final String DEFAULT_MASK = "pixel_mask";

    /** Reads the file's tree, finds its images, geometry and mask; parameters override the file's geometry. */
    static ImageFile open(DataFileReader reader, Quantities units, Path file, String name, Settings settings)
            throws ProcessingException {
        FileTree tree = tree(reader, file, name);
        String signal = settings.signal().isEmpty()
                ? tree.defaultPlot().map(p -> p.signal()).orElseThrow(() -> new ProcessingException(name + " has no"
                        + " NeXus default plot (@default/@signal) naming its images; give parameter '"
                        + Settings.SIGNAL + "'"))
                : settings.signal();
        DatasetInfo info;
        try {
            info = reader.describe(file, signal);
        } catch (VisualizationException e) {
            throw new ProcessingException("Cannot read the images " + signal + " of " + name + ": " + e.getMessage(),
                    e);
        }
        if (!info.numeric() || info.rank() < 2 || info.rank() > 3) {
            throw new ProcessingException(signal + " in " + name + " is " + (info.numeric() ? info.rank() + "-D"
                    : "not numeric (" + info.dtype() + ")") + "; azimuthal integration needs 2-D detector images"
                    + " (rows, columns) or a stack of them (frames, rows, columns)");
        }
        List<Long> shape = info.shape();
        boolean stacked = info.rank() == 3;
        int frames = stacked ? Math.toIntExact(shape.get(0)) : 1;
        int height = Math.toIntExact(shape.get(info.rank() - 2));
        int width = Math.toIntExact(shape.get(info.rank() - 1));
        List<Node> nodes = new ArrayList<>();
        collect(tree.root(), nodes);
        Geometry geometry = geometry(reader, units, file, name, nodes, settings);
        String maskPath = settings.maskPath().isEmpty() ? defaultMask(nodes).orElse("") : settings.maskPath();
        boolean[] mask = maskPath.isEmpty() ? null : mask(reader, file, name, maskPath, height, width);
        return new ImageFile(file, name, signal, frames, stacked, height, width, geometry, mask, maskPath);
    }

    /** The slice reading frame {@code f}. */
    String slice(int f) {
        return stacked ? f + ",:,:" : ":,:";
    }

    private static FileTree tree(DataFileReader reader, Path file, String name) throws ProcessingException {
        try {
            return reader.tree(file);
        } catch (VisualizationException e) {
            throw new ProcessingException("Cannot open " + name + " as NeXus/HDF5: " + e.getMessage(), e);
        }
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        for (Node child : node.children()) {
            collect(child, into);
        }
    }

    private static Geometry geometry(DataFileReader reader, Quantities units, Path file, String name,
            List<Node> nodes, Settings settings) throws ProcessingException {
        Predicate<Node> detector = inGroup(nodes, "NXdetector");
        List<String> missing = new ArrayList<>();
        Quantities.Value distance = value(reader, file, nodes, settings, "distance", missing,
                field(detector, "distance"));
        Quantities.Value wavelength = value(reader, file, nodes, settings, "wavelength", missing,
                field(inGroup(nodes, "NXbeam"), "incident_wavelength"),
                field(inGroup(nodes, "NXmonochromator"), "wavelength"),
                field(inGroup(nodes, "NXbeam"), "incident_energy"),
                field(inGroup(nodes, "NXmonochromator"), "energy"),
                startMetadata("wavelength"), startMetadata("beam_energy"), startMetadata("energy"));
        Quantities.Value beamX = value(reader, file, nodes, settings, "beam_center_x", missing,
                field(detector, "beam_center_x"));
        Quantities.Value beamY = value(reader, file, nodes, settings, "beam_center_y", missing,
                field(detector, "beam_center_y"));
        Quantities.Value pixelX = value(reader, file, nodes, settings, "x_pixel_size", missing,
                field(detector, "x_pixel_size"));
        Quantities.Value pixelY = value(reader, file, nodes, settings, "y_pixel_size", missing,
                field(detector, "y_pixel_size"));
        if (!missing.isEmpty()) {
            throw new ProcessingException(name + " does not record the detector geometry: no " + String.join(", ",
                    missing) + " (looked in NXdetector, NXbeam, NXmonochromator and the scan's start metadata); give"
                    + " " + (missing.size() == 1 ? "the parameter" : "the parameters") + " " + String.join(", ",
                            missing.stream().map(m -> "'" + m + "'").toList()));
        }
        double px = units.length(pixelX);
        double py = units.length(pixelY);
        try {
            return new Geometry(units.length(distance), units.wavelength(wavelength), units.pixels(beamX, px),
                    units.pixels(beamY, py), px, py);
        } catch (IllegalArgumentException e) {
            throw new ProcessingException("Unusable geometry in " + name + ": " + e.getMessage());
        }
    }

    /** Nodes inside a group of this NeXus class (any depth of the file). */
    private static Predicate<Node> inGroup(List<Node> nodes, String nexusClass) {
        List<String> groups = nodes.stream().filter(n -> n.kind() == NodeKind.GROUP
                && n.nexusClass().equals(nexusClass)).map(n -> n.path() + "/").toList();
        return n -> groups.stream().anyMatch(g -> n.path().startsWith(g) && n.path().indexOf('/', g.length()) < 0);
    }

    private static Predicate<Node> field(Predicate<Node> inGroup, String fieldName) {
        return n -> n.kind() == NodeKind.DATASET && n.name().equals(fieldName) && inGroup.test(n);
    }

    private static Predicate<Node> startMetadata(String fieldName) {
        return n -> n.kind() == NodeKind.DATASET && n.path().endsWith("/scan_metadata/start/" + fieldName);
    }

    @SafeVarargs
    private static Quantities.Value value(DataFileReader reader, Path file, List<Node> nodes, Settings settings,
            String parameter, List<String> missing, Predicate<Node>... places) throws ProcessingException {
        Optional<Quantities.Value> given = settings.override(parameter);
        if (given.isPresent()) {
            return given.get();
        }
        for (Predicate<Node> place : places) {
            for (Node n : nodes) {
                if (place.test(n) && n.dataset().numeric()) {
                    Object unit = n.attributes().get("units");
                    return new Quantities.Value(scalar(reader, file, n.path()), unit instanceof String s ? s : "",
                            parameter + " (" + n.path() + ")");
                }
            }
        }
        missing.add(parameter);
        return null;
    }

    private static double scalar(DataFileReader reader, Path file, String path) throws ProcessingException {
        try {
            NdArray a = reader.read(file, path, "");
            if (a.size() < 1) {
                throw new ProcessingException(path + " in " + file.getFileName() + " is empty");
            }
            return Pixels.value(a, 0);
        } catch (VisualizationException e) {
            throw new ProcessingException("Cannot read " + path + " in " + file.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Optional<String> defaultMask(List<Node> nodes) {
        Predicate<Node> detector = inGroup(nodes, "NXdetector");
        return nodes.stream().filter(field(detector, DEFAULT_MASK)).filter(n -> n.dataset().numeric()
                && n.dataset().rank() == 2).map(Node::path).findFirst();
    }

    private static boolean[] mask(DataFileReader reader, Path file, String name, String path, int height, int width)
            throws ProcessingException {
        NdArray m;
        try {
            m = reader.read(file, path, ":,:");
        } catch (VisualizationException e) {
            throw new ProcessingException("Cannot read the mask " + path + " in " + name + ": " + e.getMessage(), e);
        }
        int[] shape = m.shape();
        if (shape.length != 2 || shape[0] != height || shape[1] != width) {
            throw new ProcessingException("The mask " + path + " in " + name + " has shape "
                    + java.util.Arrays.toString(shape) + ", the images are " + height + " x " + width);
        }
        boolean[] mask = new boolean[height * width];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = Pixels.value(m, i) != 0;
        }
        return mask;
    }
}
