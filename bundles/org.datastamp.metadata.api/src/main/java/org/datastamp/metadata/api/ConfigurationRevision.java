package org.datastamp.metadata.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One saved version of a beamline's metadata configuration.
 *
 * @param id      the revision's id (a Git commit id)
 * @param author  who saved it
 * @param message why, in the author's words
 * @param time    when
 */
public record ConfigurationRevision(String id, String author, String message, Instant time) {
    public ConfigurationRevision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(time, "time");
        message = message == null ? "" : message;
    }
}
