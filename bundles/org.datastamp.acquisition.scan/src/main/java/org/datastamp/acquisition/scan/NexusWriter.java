package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.controls.api.VariableReading;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;

/**
 * Writes one scan as a NeXus/HDF5 file with io.jhdf (see docs/decisions/0001-hdf5-writing-library.md):
 *
 * <pre>
 * /                                     NXroot   @default=entry @creator
 * /entry                                NXentry  @default=data  title start_time end_time definition
 * /entry/instrument                     NXinstrument  name
 * /entry/instrument/detector            NXdetector    description local_name frame_count frames_dropped
 * /entry/instrument/control_variables   NXcollection  one scalar per variable, @units @device @attribute
 * /entry/instrument/control_variables_end  NXcollection  the same read at scan end (if any), @units
 * /entry/sample                         NXsample      name
 * /entry/data                           NXdata   @signal=data  data[n,h,w] @interpretation=image
 * </pre>
 *
 * jhdf 0.13 cannot write links, so the frames live once, in {@code /entry/data/data}, rather than in the detector
 * group with a link from NXdata as NXmx has it. jhdf also writes the whole file on close, from memory.
 */
final class NexusWriter {

    /** The application definition the file follows most closely (frames plus sample, instrument, metadata). */
    static final String DEFINITION = "NXscan";

    private final int deflateLevel;

    /**
     * @param deflateLevel 0 writes the frames contiguous and uncompressed; 1-9 writes one chunk per frame,
     *                     byte-shuffled and deflated at that level
     */
    NexusWriter(int deflateLevel) {
        if (deflateLevel < 0 || deflateLevel > 9) {
            throw new IllegalArgumentException("deflateLevel must be 0 (no compression) to 9, got " + deflateLevel);
        }
        this.deflateLevel = deflateLevel;
    }

    /** Writes {@code scan} to {@code file}, which must not exist yet. */
    void write(Path file, NexusScan scan) throws IOException {
        if (Files.exists(file)) {
            // jhdf opens without truncating: an old, longer file would leave stale bytes after the new content.
            throw new IOException("Refusing to overwrite " + file + "; remove it or check why a scan id was reused");
        }
        Files.createDirectories(file.getParent());
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            classify(hdf, "NXroot");
            hdf.putAttribute("default", "entry");
            hdf.putAttribute("creator", "DataSTaMP");
            hdf.putAttribute("file_name", file.getFileName().toString());
            hdf.putAttribute("file_time", scan.end().toString());

            WritableGroup entry = classify(hdf.putGroup("entry"), "NXentry");
            entry.putAttribute("default", "data");
            entry.putDataset("title", scan.title());
            entry.putDataset("start_time", scan.start().toString());
            entry.putDataset("end_time", scan.end().toString());
            entry.putDataset("definition", DEFINITION);
            entry.putDataset("entry_identifier", scan.id().value());

            WritableGroup instrument = classify(entry.putGroup("instrument"), "NXinstrument");
            instrument.putDataset("name", scan.instrument());
            writeDetector(instrument, scan);
            writeControls(instrument, scan);
            writeEndMetadata(instrument, scan);

            WritableGroup sample = classify(entry.putGroup("sample"), "NXsample");
            sample.putDataset("name", scan.sampleName());

            WritableGroup data = classify(entry.putGroup("data"), "NXdata");
            data.putAttribute("signal", "data");
            WritableDataset frames = data.putDataset("data", scan.frames().frames(), frameOptions(scan.frames()));
            frames.putAttribute("interpretation", "image");
            frames.putAttribute("long_name", scan.detectorName() + " frames");
            frames.putAttribute("units", "counts");
        } catch (RuntimeException e) {
            // jhdf reports I/O and encoding problems as unchecked exceptions; the half-written file is useless.
            Files.deleteIfExists(file);
            throw new IOException("Could not write NeXus file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeDetector(WritableGroup instrument, NexusScan scan) {
        WritableGroup detector = classify(instrument.putGroup("detector"), "NXdetector");
        detector.putDataset("description", scan.detectorName());
        detector.putDataset("local_name", scan.detectorId());
        detector.putDataset("frame_count", scan.frames().count());
        detector.putDataset("frames_dropped", scan.framesDropped());
    }

    private static void writeControls(WritableGroup instrument, NexusScan scan) {
        WritableGroup controls = classify(instrument.putGroup("control_variables"), "NXcollection");
        Set<String> names = new HashSet<>();
        for (VariableReading r : scan.controls()) {
            String name = r.variable().name();
            for (int n = 2; !names.add(name); n++) {
                // Two control systems offering the same variable: keep both, distinguishable by @device.
                name = r.variable().name() + "_" + n;
            }
            WritableDataset value = controls.putDataset(name, r.value());
            if (!r.variable().unit().isEmpty()) {
                value.putAttribute("units", r.variable().unit());
            }
            value.putAttribute("device", r.variable().device());
            value.putAttribute("attribute", r.variable().attribute());
            value.putAttribute("read_time", r.time().toString());
        }
    }

    private static void writeEndMetadata(WritableGroup instrument, NexusScan scan) {
        if (scan.endMetadata().isEmpty()) {
            return;
        }
        WritableGroup end = classify(instrument.putGroup("control_variables_end"), "NXcollection");
        for (MetadataEntry e : scan.endMetadata()) {
            WritableDataset value = end.putDataset(e.name(), scalar(e.value()));
            if (!e.unit().isEmpty()) {
                value.putAttribute("units", e.unit());
            }
        }
    }

    /** jhdf writes numbers, booleans and strings; anything else (a list) is written as its text. */
    private static Object scalar(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof String ? value
                : String.valueOf(value);
    }

    private DatasetCreationOptions frameOptions(FrameStack frames) {
        DatasetCreationOptions.Builder options = DatasetCreationOptions.builder();
        if (frames.unsigned()) {
            options.unsigned();
        }
        if (deflateLevel > 0) {
            options.chunkDimensions(1, frames.geometry().height(), frames.geometry().width()).shuffle()
                    .deflate(deflateLevel);
        }
        return options.build();
    }

    private static <T extends WritableNode> T classify(T node, String nexusClass) {
        node.putAttribute("NX_class", nexusClass);
        return node;
    }
}
