package org.datastamp.acquisition.scan;

import java.util.ArrayList;
import java.util.List;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.controls.api.VariableReading;
import org.datastamp.detector.api.FrameGeometry;

/** The names and order of a scan dataset's metadata, in one place for scans and recoveries. */
final class ScanMetadata {

    static final String FRAME_COUNT = "frame_count";
    static final String FRAMES_DROPPED = "frames_dropped";
    static final String FRAMES_KEPT = "frames_kept";
    static final String SCAN_COMPLETE = "scan_complete";
    static final String VIOLATIONS = "metadata_violations";
    static final String END_SUFFIX = "_end";

    private ScanMetadata() {
    }

    /** What is known when the scan starts: the scan and the detector. */
    static List<MetadataEntry> scan(ScanId id, String detectorId, FrameGeometry g) {
        List<MetadataEntry> metadata = new ArrayList<>();
        metadata.add(new MetadataEntry("scan_id", id.value(), ""));
        metadata.add(new MetadataEntry("detector_id", detectorId, ""));
        // Pixel counts are plain numbers: "pixel" is no unit of measurement, and the catalogue refuses unknown units.
        metadata.add(new MetadataEntry("detector_width", (long) g.width(), ""));
        metadata.add(new MetadataEntry("detector_height", (long) g.height(), ""));
        metadata.add(new MetadataEntry("detector_pixel_type", g.pixelType().name(), ""));
        return metadata;
    }

    /** Control readings under their recorded name plus {@code suffix}, with their units. */
    static List<MetadataEntry> readings(List<VariableReading> readings, String suffix) {
        return readings.stream().map(r -> new MetadataEntry(r.variable().name() + suffix, r.value(),
                r.variable().unit())).toList();
    }

    /** Frame counts of a scan whose files were finished. */
    static List<MetadataEntry> frames(long inFile, long dropped) {
        return List.of(new MetadataEntry(FRAME_COUNT, inFile, ""), new MetadataEntry(FRAMES_DROPPED, dropped, ""));
    }

    /** The violations entry, or nothing when there are none. */
    static List<MetadataEntry> violations(List<String> violations) {
        return violations.isEmpty() ? List.of() : List.of(new MetadataEntry(VIOLATIONS, violations, ""));
    }
}
