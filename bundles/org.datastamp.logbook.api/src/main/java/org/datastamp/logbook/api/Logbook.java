package org.datastamp.logbook.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.Viewer;

/**
 * The logbook of beamtime sessions. Who may do what: the session's proposal members (and PI), staff of its
 * instrument, curators and admins read and write; anyone else reads only scans whose datasets the catalogue shows
 * them, and a session's notes only when it shows them at least one of its datasets. A session that the viewer may
 * not read is reported as unknown ({@link NotFoundException}), as the catalogue does for datasets.
 */
public interface Logbook {

    /** The session's scans overview, newest first, filtered. */
    List<ScanRow> scans(String sessionId, ScanFilter filter, Viewer viewer) throws LogbookException;

    /** One scan of the overview. */
    Optional<ScanRow> scan(String scanId, Viewer viewer) throws LogbookException;

    /** The session's notes and comments in their newest version, oldest first; {@code text} filters them. */
    List<LogEntry> entries(String sessionId, String text, Viewer viewer) throws LogbookException;

    /** Adds a note (Markdown) to the session. */
    LogEntry addNote(String sessionId, String markdown, Viewer viewer) throws LogbookException;

    /** Adds a comment (Markdown) on a scan. */
    LogEntry comment(String scanId, String markdown, Viewer viewer) throws LogbookException;

    /**
     * Edits a note or comment: appends version {@code basedOn + 1}; earlier versions stay.
     *
     * @param basedOn the version the editor started from; an entry edited since is a {@link StaleVersionException}
     */
    LogEntry edit(String entryId, int basedOn, String markdown, Viewer viewer) throws LogbookException;

    /** Every version of an entry, oldest first. */
    List<EntryVersion> history(String entryId, Viewer viewer) throws LogbookException;

    /**
     * Stores an image for the session's notes. The content must be PNG, JPEG or TIFF (checked by content, not by
     * name) and at most the configured size; a PNG thumbnail is made. Notes show it with {@code ![caption](image:ID)}.
     */
    LogImage upload(String sessionId, String fileName, byte[] content, Viewer viewer) throws LogbookException;

    /** The session's images, oldest first. */
    List<LogImage> images(String sessionId, Viewer viewer) throws LogbookException;

    /** An image's content, or its PNG thumbnail. */
    Optional<ImageData> image(String imageId, boolean thumbnail, Viewer viewer) throws LogbookException;

    /** Rates a scan 1 to 5 stars; a person's new rating replaces their earlier one. */
    ScanRow rate(String scanId, int stars, Viewer viewer) throws LogbookException;

    /** Adds and removes tags of a scan (lower case; letters, digits, '-', '_', '.'; at most 50 characters). */
    ScanRow tag(String scanId, Set<String> add, Set<String> remove, Viewer viewer) throws LogbookException;

    /** The session's logbook as one self-contained file: HTML with images inlined, or PDF. */
    byte[] export(String sessionId, ExportFormat format, Viewer viewer) throws LogbookException;

    /**
     * Attaches the session's logbook (HTML and PDF export) to each of its datasets in the catalogue, so the notes
     * live as long as the data. A dataset whose last attached export still shows the logbook as it is gets nothing
     * new; otherwise the newer export is attached beside the earlier one (attachments are never replaced). The
     * storage lifecycle does the same for one dataset before it archives it (through the storage API's
     * {@code ArchivalPreparation} service, which the logbook implementation provides).
     *
     * @return the attachments made
     */
    List<Attachment> attachToDatasets(String sessionId) throws LogbookException;
}
