package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A dataset to be recorded; the catalogue assigns its id (unless the client supplies one) and creation time.
 *
 * @param title       short title
 * @param type        raw or derived
 * @param instrument  beamline/instrument id
 * @param sampleName  sample measured, empty if none
 * @param location    where the files live (storage key prefix or directory, relative to the hot tier)
 * @param startTime   acquisition start
 * @param endTime     acquisition end
 * @param files       the dataset's files
 * @param metadata    scientific metadata
 * @param description longer description, empty if none
 * @param proposalId  owning proposal, empty if none (commissioning, staff research)
 * @param sessionId   beamtime it was taken in, empty if none
 * @param sampleId    registered sample, empty if none
 * @param technique   technique, e.g. {@code SAXS}, empty if unknown
 * @param keywords    free keywords
 * @param inputs      for derived datasets: the datasets it was made from (provenance); empty for raw ones
 */
public record NewDataset(String title, DatasetType type, String instrument, String sampleName, String location,
        Instant startTime, Instant endTime, List<Datafile> files, List<MetadataEntry> metadata, String description,
        String proposalId, String sessionId, String sampleId, String technique, List<String> keywords,
        List<DatasetId> inputs) {

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
        description = description == null ? "" : description;
        proposalId = proposalId == null ? "" : proposalId;
        Ids.requireOptional("proposal id", proposalId);
        sessionId = sessionId == null ? "" : sessionId;
        Ids.requireOptional("session id", sessionId);
        sampleId = sampleId == null ? "" : sampleId;
        Ids.requireOptional("sample id", sampleId);
        technique = technique == null ? "" : technique;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        if (type == DatasetType.RAW && !inputs.isEmpty()) {
            throw new IllegalArgumentException("Dataset '" + title + "' is raw but names input datasets; only derived"
                    + " datasets have inputs");
        }
    }

    /** A dataset outside any proposal, with no description, technique, keywords or inputs. */
    public NewDataset(String title, DatasetType type, String instrument, String sampleName, String location,
            Instant startTime, Instant endTime, List<Datafile> files, List<MetadataEntry> metadata) {
        this(title, type, instrument, sampleName, location, startTime, endTime, files, metadata, "", "", "", "", "",
                List.of(), List.of());
    }
}
