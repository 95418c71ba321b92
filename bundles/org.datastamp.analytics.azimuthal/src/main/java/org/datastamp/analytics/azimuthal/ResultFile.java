package org.datastamp.analytics.azimuthal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;

/**
 * Writes one I(q) result as a NeXus file with io.jhdf (pure Java; the result is small and written once):
 * <pre>
 * /                 @default=entry
 * /entry            NXentry @default=data: title, definition=NXprocess-style result, start/end time
 *   process/        NXprocess: program, version, date, input_files, input_dataset, parameters/ (NXcollection,
 *                   every parameter as text), geometry/ (NXcollection, the geometry used, with @units), corrections
 *   data/           NXdata @signal=I: I [frames, q] (or [q] for one image), I_errors, q (@units), frame (indices)
 * </pre>
 * {@code @axes} is {@code ["frame", "q"]} (or {@code "q"}) with {@code @q_indices}/{@code @frame_indices}, so h5web,
 * silx and our viewer plot I(q) (a line, or an image with a frame slider).
 */
final class ResultFile {

    /** What one input file integrated to. */
    record Integrated(ImageFile input, int[] frames, double[] q, double[][] intensity, double[][] errors,
            String qUnit) {
    }

    private ResultFile() {
    }

    static void write(Path target, Integrated r, String title, String program, String version, String datasetId,
            Map<String, String> parameters, String corrections, Instant start, Instant end) throws IOException {
        if (Files.exists(target)) {
            // jhdf writes into an existing file without truncating it
            throw new IOException("Output file " + target.getFileName() + " exists already");
        }
        try (WritableHdfFile hdf = HdfFile.write(target)) {
            hdf.putAttribute("default", "entry");
            hdf.putAttribute("creator", "DataSTaMP " + program + " " + version);
            hdf.putAttribute("file_name", target.getFileName().toString());
            hdf.putAttribute("file_time", end.toString());
            WritableGroup entry = group(hdf, "entry", "NXentry");
            entry.putAttribute("default", "data");
            entry.putDataset("title", title);
            entry.putDataset("start_time", start.toString());
            entry.putDataset("end_time", end.toString());

            WritableGroup process = group(entry, "process", "NXprocess");
            process.putDataset("program", program);
            process.putDataset("version", version);
            process.putDataset("date", end.toString());
            process.putDataset("input_files", new String[] {r.input().name()});
            process.putDataset("input_signal", r.input().signal());
            process.putDataset("input_dataset", datasetId);
            process.putDataset("mask", r.input().maskPath().isEmpty() ? "invalid pixels only"
                    : r.input().maskPath() + " and invalid pixels");
            process.putDataset("corrections", corrections);
            WritableGroup params = group(process, "parameters", "NXcollection");
            for (Map.Entry<String, String> p : new TreeMap<>(parameters).entrySet()) {
                params.putDataset(p.getKey(), p.getValue());
            }
            WritableGroup geometry = group(process, "geometry", "NXcollection");
            for (var m : r.input().geometry().metadata()) {
                geometry.putDataset(m.name(), ((Number) m.value()).doubleValue()).putAttribute("units",
                        ascii(m.unit()));
            }

            WritableGroup data = group(entry, "data", "NXdata");
            data.putAttribute("signal", "I");
            boolean stack = r.input().stacked();
            if (stack) {
                data.putAttribute("axes", new String[] {"frame", "q"});
                data.putAttribute("frame_indices", 0);
                data.putAttribute("q_indices", 1);
                data.putDataset("I", r.intensity()).putAttribute("long_name", "I(q)");
                data.putDataset("I_errors", r.errors());
                data.putDataset("frame", r.frames()).putAttribute("long_name", "frame index in the input stack");
            } else {
                data.putAttribute("axes", "q");
                data.putAttribute("q_indices", 0);
                data.putDataset("I", r.intensity()[0]).putAttribute("long_name", "I(q)");
                data.putDataset("I_errors", r.errors()[0]);
            }
            WritableNode q = data.putDataset("q", r.q());
            q.putAttribute("units", r.qUnit());
            q.putAttribute("long_name", "q (" + r.qUnit() + ")");
        } catch (RuntimeException e) {
            // jhdf reports I/O and encoding problems as unchecked exceptions; the half-written file is useless
            Files.deleteIfExists(target);
            throw new IOException("Cannot write " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static WritableGroup group(WritableGroup parent, String name, String nexusClass) {
        WritableGroup g = parent.putGroup(name);
        g.putAttribute("NX_class", nexusClass);
        return g;
    }

    /** NeXus tools expect ASCII unit strings. */
    private static String ascii(String unit) {
        return unit.replace("Å", "angstrom").replace("µm", "um");
    }
}
