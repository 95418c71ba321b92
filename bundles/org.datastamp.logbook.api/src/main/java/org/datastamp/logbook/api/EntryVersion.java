package org.datastamp.logbook.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a note or comment; versions are only ever added.
 *
 * @param entryId  the entry
 * @param version  1, 2, ...
 * @param markdown the text of this version
 * @param author   who wrote it
 * @param created  when
 */
public record EntryVersion(String entryId, int version, String markdown, String author, Instant created) {

    public EntryVersion {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(created, "created");
    }
}
