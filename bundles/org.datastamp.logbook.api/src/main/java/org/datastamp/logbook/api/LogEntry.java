package org.datastamp.logbook.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A note or comment in its newest version.
 *
 * @param id        entry id
 * @param sessionId the session
 * @param kind      note or comment
 * @param scanId    the scan commented on, empty for a note
 * @param version   newest version, 1 for an entry never edited
 * @param markdown  its text as written
 * @param html      its text rendered: sanitized HTML (no script, no event handler, no style), images as
 *                  {@code /api/v1/logbooks/images/{id}}, {@code #scan-id} mentions as links to the scan
 * @param author    who wrote the first version
 * @param created   when
 * @param editedBy  who wrote the newest version
 * @param edited    when
 */
public record LogEntry(String id, String sessionId, EntryKind kind, String scanId, int version, String markdown,
        String html, String author, Instant created, String editedBy, Instant edited) {

    public LogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        scanId = scanId == null ? "" : scanId;
        if (version < 1) {
            throw new IllegalArgumentException("Entry versions start at 1, got " + version);
        }
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(edited, "edited");
    }
}
