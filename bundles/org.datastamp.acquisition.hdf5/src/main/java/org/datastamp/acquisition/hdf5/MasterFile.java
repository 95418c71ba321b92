package org.datastamp.acquisition.hdf5;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.datastamp.acquisition.api.ScanFileLayout;
import org.datastamp.core.hdf5.Hdf5;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.detector.api.FrameGeometry;

/**
 * The scan's master file {@code <scanId>.nxs}: the NeXus entry (instrument, detector, sample, metadata) whose
 * {@code /entry/data} links to the frames in the data files. It is only open while it is changed (at creation, when
 * a data file starts, at the end), so a crash while frames stream can never damage it.
 */
final class MasterFile {

    static final String STATUS = "datastamp_status";
    static final String FRAMES = "datastamp_frames";

    /** Start metadata that NXdetector has a field for: metadata name -> NXdetector field. */
    private static final Map<String, String> DETECTOR_FIELDS = Map.ofEntries(
            Map.entry("beam_center_x", "beam_center_x"), Map.entry("beam_center_y", "beam_center_y"),
            Map.entry("detector_distance", "distance"), Map.entry("distance", "distance"),
            Map.entry("x_pixel_size", "x_pixel_size"), Map.entry("y_pixel_size", "y_pixel_size"),
            Map.entry("count_time", "count_time"), Map.entry("frame_time", "frame_time"),
            Map.entry("sensor_thickness", "sensor_thickness"), Map.entry("sensor_material", "sensor_material"),
            Map.entry("saturation_value", "saturation_value"), Map.entry("bit_depth_readout", "bit_depth_readout"),
            Map.entry("detector_readout_time", "detector_readout_time"), Map.entry("dead_time", "dead_time"),
            Map.entry("countrate_correction_applied", "countrate_correction_applied"));

    private final Hdf5 h5;
    private final NexusNodes nx;
    private final Path path;
    private final FrameGeometry geometry;

    MasterFile(Hdf5 h5, Path path, FrameGeometry geometry) {
        this.h5 = h5;
        this.nx = new NexusNodes(h5);
        this.path = path;
        this.geometry = geometry;
    }

    Path path() {
        return path;
    }

    /** Writes the whole entry as known at start, linking {@code /entry/data/data} to the first data file. */
    void create(ScanFileLayout layout, String firstDataFile) throws IOException {
        long file = h5.fileCreate(path, Hdf5.P_DEFAULT);
        try {
            nx.attribute(file, "default", "entry");
            nx.attribute(file, "file_name", path.getFileName().toString());
            nx.attribute(file, "file_time", layout.start().toString());
            nx.attribute(file, "creator", "DataSTaMP");
            long entry = nx.group(file, "entry", "NXentry");
            nx.attribute(entry, "default", "data");
            nx.attribute(entry, STATUS, "writing");
            nx.text(entry, "title", layout.title());
            nx.text(entry, "start_time", layout.start().toString());
            if (!layout.definition().isEmpty()) {
                nx.text(entry, "definition", layout.definition());
            }
            boolean mx = layout.definition().equals("NXmx");
            writeInstrument(entry, layout, mx);
            long sample = nx.group(entry, "sample", "NXsample");
            nx.text(sample, "name", layout.sampleName());
            h5.groupClose(sample);
            long data = nx.group(entry, "data", "NXdata");
            nx.attribute(data, "signal", "data");
            h5.linkExternal(firstDataFile, DataFile.DATASET, data, "data");
            h5.linkExternal(firstDataFile, DataFile.DATASET, data, dataLinkName(1));
            h5.groupClose(data);
            if (mx) {
                // NXmx reads the frames from the detector too; one copy, linked
                h5.linkSoft("/entry/data/data", file, "/entry/instrument/detector/data");
            }
            long metadata = nx.group(entry, "scan_metadata", "NXcollection");
            writeMetadata(metadata, "start", layout.startMetadata());
            h5.groupClose(metadata);
            h5.groupClose(entry);
        } finally {
            h5.fileClose(file);
        }
    }

    private void writeInstrument(long entry, ScanFileLayout layout, boolean mx) throws IOException {
        long instrument = nx.group(entry, "instrument", "NXinstrument");
        nx.text(instrument, "name", layout.instrument());
        long detector = nx.group(instrument, "detector", "NXdetector");
        nx.text(detector, "description", layout.detectorName());
        nx.text(detector, "local_name", layout.detectorId());
        nx.number(detector, "x_pixels_in_detector", geometry.width(), "");
        nx.number(detector, "y_pixels_in_detector", geometry.height(), "");
        Set<String> written = new HashSet<>();
        for (MetadataEntry m : layout.startMetadata()) {
            String field = DETECTOR_FIELDS.get(m.name().toLowerCase(Locale.ROOT));
            if (field != null && written.add(field)) {
                nx.metadata(detector, new MetadataEntry(field, m.value(), m.unit()));
            }
        }
        h5.groupClose(detector);
        if (mx) {
            writeBeam(instrument, layout.startMetadata());
        }
        h5.groupClose(instrument);
    }

    /** NXmx wants the incident wavelength; derive it from a beam energy in eV/keV if that is what was read. */
    private void writeBeam(long instrument, List<MetadataEntry> metadata) throws IOException {
        for (MetadataEntry m : metadata) {
            String name = m.name().toLowerCase(Locale.ROOT);
            double scale = m.unit().equals("keV") ? 1 : m.unit().equals("eV") ? 1e-3 : 0;
            if ((name.equals("beam_energy") || name.equals("energy")) && scale > 0 && m.value() instanceof Number e
                    && e.doubleValue() > 0) {
                long beam = nx.group(instrument, "beam", "NXbeam");
                nx.number(beam, "incident_energy", e.doubleValue(), m.unit());
                // lambda [angstrom] = h c / E = 12.3984198 keV angstrom / E
                nx.number(beam, "incident_wavelength", 12.398419843320026 / (e.doubleValue() * scale), "angstrom");
                h5.groupClose(beam);
                return;
            }
        }
    }

    /** Every entry as a field of a new NXcollection {@code name}; a repeated name gets a numeric suffix. */
    private void writeMetadata(long parent, String name, List<MetadataEntry> entries) throws IOException {
        long group = nx.group(parent, name, "NXcollection");
        try {
            Set<String> used = new HashSet<>();
            for (MetadataEntry e : entries) {
                String field = NexusNodes.fieldName(e.name());
                for (int n = 2; !used.add(field); n++) {
                    field = NexusNodes.fieldName(e.name()) + "_" + n;
                }
                nx.metadata(group, new MetadataEntry(field, e.value(), e.unit()));
            }
        } finally {
            h5.groupClose(group);
        }
    }

    /** Links a further data file as {@code /entry/data/data_NNNNNN} when it starts. */
    void linkDataFile(int number, String dataFile) throws IOException {
        long file = h5.fileOpen(path, Hdf5.F_ACC_RDWR, Hdf5.P_DEFAULT);
        try {
            long data = h5.groupOpen(file, "/entry/data");
            if (!h5.linkExists(data, dataLinkName(number))) {
                h5.linkExternal(dataFile, DataFile.DATASET, data, dataLinkName(number));
            }
            h5.groupClose(data);
        } finally {
            h5.fileClose(file);
        }
    }

    /**
     * Closes the entry: end time and end metadata if known, the status ({@code complete} or {@code incomplete})
     * and frame count as attributes of {@code /entry}, and with several data files {@code /entry/data/data} as a
     * virtual dataset over all of them (one file: it stays an external link).
     *
     * @param framesPerFile frames each data file holds, in order
     */
    void close(Instant end, List<MetadataEntry> endMetadata, List<String> dataFiles, List<Long> framesPerFile,
            boolean complete) throws IOException {
        long file = h5.fileOpen(path, Hdf5.F_ACC_RDWR, Hdf5.P_DEFAULT);
        try {
            long entry = h5.groupOpen(file, "/entry");
            if (end != null) {
                nx.text(entry, "end_time", end.toString());
                long metadata = h5.groupOpen(entry, "scan_metadata");
                writeMetadata(metadata, "end", endMetadata);
                h5.groupClose(metadata);
            }
            long total = framesPerFile.stream().mapToLong(Long::longValue).sum();
            nx.attribute(entry, STATUS, complete ? "complete" : "incomplete");
            nx.attribute(entry, FRAMES, total);
            long data = h5.groupOpen(entry, "data");
            for (int i = 0; i < dataFiles.size(); i++) {
                if (!h5.linkExists(data, dataLinkName(i + 1))) {
                    h5.linkExternal(dataFiles.get(i), DataFile.DATASET, data, dataLinkName(i + 1));
                }
            }
            if (dataFiles.size() > 1) {
                h5.linkDelete(data, "data");
                writeVirtualData(data, dataFiles, framesPerFile, total);
            }
            h5.groupClose(data);
            h5.groupClose(entry);
        } finally {
            h5.fileClose(file);
        }
    }

    private void writeVirtualData(long group, List<String> dataFiles, List<Long> framesPerFile, long total)
            throws IOException {
        long h = geometry.height();
        long w = geometry.width();
        long space = h5.spaceSimple(new long[] { total, h, w }, null);
        long dcpl = h5.datasetCreation();
        try {
            long start = 0;
            for (int i = 0; i < dataFiles.size(); i++) {
                long n = framesPerFile.get(i);
                if (n == 0) {
                    continue;
                }
                h5.selectBlock(space, new long[] { start, 0, 0 }, new long[] { n, h, w });
                long source = h5.spaceSimple(new long[] { n, h, w }, null);
                try {
                    h5.setVirtual(dcpl, space, dataFiles.get(i), DataFile.DATASET, source);
                } finally {
                    h5.spaceClose(source);
                }
                start += n;
            }
            long dataset = h5.datasetCreate(group, "data", DataFile.pixelType(h5, geometry), space, dcpl);
            h5.datasetClose(dataset);
        } finally {
            h5.propertiesClose(dcpl);
            h5.spaceClose(space);
        }
    }

    static String dataLinkName(int number) {
        return String.format(Locale.ROOT, "data_%06d", number);
    }
}
