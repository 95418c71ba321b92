package org.datastamp.acquisition.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;

/**
 * What a new scan's NeXus files look like: where they go, the frames they will hold and what is known at start.
 *
 * @param directory         folder for the master file {@code <scanId>.nxs} and its data files
 *                          {@code <scanId>_data_000001.h5}, ...
 * @param scanId            the scan, used in file names and in the file
 * @param title             dataset title
 * @param sampleName        sample name, may be empty
 * @param instrument        beamline
 * @param definition        NeXus application definition to follow ({@code NXmx} for MX-style detectors); empty for
 *                          the generic layout
 * @param detectorId        detector capability id
 * @param detectorName      detector display name
 * @param geometry          frame shape and pixel type
 * @param encoding          how frames arrive; compressed frames are stored as they are (direct chunk write)
 * @param framesPerDataFile frames per data file before the next one starts
 * @param start             scan start time
 * @param startMetadata     metadata read at scan start (control variables with units), written in the master file
 */
public record ScanFileLayout(Path directory, String scanId, String title, String sampleName, String instrument,
        String definition, String detectorId, String detectorName, FrameGeometry geometry, FrameEncoding encoding,
        int framesPerDataFile, Instant start, List<MetadataEntry> startMetadata) {
    public ScanFileLayout {
        Objects.requireNonNull(directory, "directory");
        if (scanId == null || !scanId.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("A scan id for file names holds letters, digits, '_', '.' and '-',"
                    + " got '" + scanId + "'");
        }
        Objects.requireNonNull(title, "title");
        sampleName = sampleName == null ? "" : sampleName;
        Objects.requireNonNull(instrument, "instrument");
        definition = definition == null ? "" : definition;
        Objects.requireNonNull(detectorId, "detectorId");
        Objects.requireNonNull(detectorName, "detectorName");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(encoding, "encoding");
        if (framesPerDataFile < 1) {
            throw new IllegalArgumentException("framesPerDataFile must be at least 1, got " + framesPerDataFile);
        }
        Objects.requireNonNull(start, "start");
        startMetadata = List.copyOf(Objects.requireNonNull(startMetadata, "startMetadata"));
    }
}
