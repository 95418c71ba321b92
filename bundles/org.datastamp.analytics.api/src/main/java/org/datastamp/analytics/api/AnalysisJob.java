package org.datastamp.analytics.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.datastamp.catalog.api.DatasetId;

/**
 * A job as the catalogue records it.
 *
 * @param id            job id
 * @param request       what was asked
 * @param pluginVersion version of the plugin that ran (or will run) it
 * @param submittedBy   username of who asked
 * @param state         where it is
 * @param progress      0 to 1
 * @param message       last progress message, or the reason it failed
 * @param submitted     when it was asked for
 * @param started       when it began running, empty while queued
 * @param finished      when it reached a final state, empty before
 * @param output        the derived dataset, once it succeeded
 */
public record AnalysisJob(String id, JobRequest request, String pluginVersion, String submittedBy, JobState state,
        double progress, String message, Instant submitted, Optional<Instant> started, Optional<Instant> finished,
        Optional<DatasetId> output) {

    public AnalysisJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        pluginVersion = pluginVersion == null ? "" : pluginVersion;
        submittedBy = submittedBy == null ? "" : submittedBy;
        Objects.requireNonNull(state, "state");
        if (progress < 0 || progress > 1 || Double.isNaN(progress)) {
            throw new IllegalArgumentException("Job " + id + ": progress must be within 0..1, got " + progress);
        }
        message = message == null ? "" : message;
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(output, "output");
    }
}
