package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A dataset to be recorded; the catalogue assigns its id and creation time.
 *
 * @param title       short title
 * @param type        raw or derived
 * @param instrument  beamline/instrument name
 * @param sampleName  sample measured, empty if none
 * @param location    where the files live (storage key prefix or directory, relative to the data directory)
 * @param startTime   acquisition start
 * @param endTime     acquisition end
 * @param files       the dataset's files
 * @param metadata    scientific metadata
 */
public record NewDataset(String title, DatasetType type, String instrument, String sampleName, String location,
        Instant startTime, Instant endTime, List<Datafile> files, List<MetadataEntry> metadata) {

    public NewDataset {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A dataset needs a title");
        }
        Objects.requireNonNull(type, "type");
        if (instrument == null || instrument.isBlank()) {
            throw new IllegalArgumentException("Dataset '" + title + "' needs an instrument");
        }
        sampleName = sampleName == null ? "" : sampleName;
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        if (endTime.isBefore(startTime)) {
            throw new IllegalArgumentException("Dataset '" + title + "' ends (" + endTime + ") before it starts (" + startTime + ")");
        }
        files = List.copyOf(files);
        metadata = List.copyOf(metadata);
    }
}
