package org.datastamp.logbook.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A scan in the logbook's overview.
 *
 * @param scanId     scan id, e.g. {@code scan-000042}
 * @param sessionId  the session it belongs to
 * @param instrument the instrument
 * @param started    when it was first seen (queued) or, once recorded, its dataset's start
 * @param title      title
 * @param type       scan type (the detector it used)
 * @param sample     sample measured, empty if none
 * @param status     QUEUED, RUNNING, COMPLETED or FAILED
 * @param datasetId  the recorded dataset, empty until completed
 * @param frames     frames written
 * @param error      why it failed, empty if it did not
 * @param values     the beamline's key metadata columns: name to value with unit
 * @param rating     mean of the ratings, 0 when unrated
 * @param ratings    how many people rated it
 * @param myRating   the viewer's own rating, 0 if none
 * @param tags       tags
 * @param comments   number of comments
 * @param thumbnail  address of a thumbnail from a visualization service, empty when none offers one
 */
public record ScanRow(String scanId, String sessionId, String instrument, Instant started, String title,
        String type, String sample, String status, String datasetId, long frames, String error,
        Map<String, String> values, double rating, int ratings, int myRating, Set<String> tags, int comments,
        String thumbnail) {

    public ScanRow {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(started, "started");
        sessionId = sessionId == null ? "" : sessionId;
        sample = sample == null ? "" : sample;
        datasetId = datasetId == null ? "" : datasetId;
        error = error == null ? "" : error;
        values = Map.copyOf(values);
        tags = Set.copyOf(tags);
        thumbnail = thumbnail == null ? "" : thumbnail;
    }

    /** Key metadata columns in name order. */
    public Map<String, String> sortedValues() {
        return new TreeMap<>(values);
    }

    /** Tags in order. */
    public Set<String> sortedTags() {
        return new TreeSet<>(tags);
    }
}
