package org.datastamp.ui.logbook;

import java.util.Locale;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.logbook.api.ExportFormat;
import org.datastamp.logbook.api.Logbook;
import org.datastamp.logbook.api.LogbookException;
import org.datastamp.ui.api.ViewContext;

/**
 * The logbook view's "Export HTML" and "Export PDF": the session's export, made with the user's viewer (so it holds
 * what the user may read), offered to the browser as a file. The same file the REST API serves at
 * {@code /api/v1/logbooks/sessions/{id}/export}, without the browser having to send credentials again.
 */
final class ExportDownload {

    private ExportDownload() {
    }

    static String fileName(String sessionId, ExportFormat format) {
        return "logbook-" + sessionId.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
    }

    /** Exports and offers the file; returns what the status line says. */
    static String offer(Logbook logbook, String sessionId, ExportFormat format, Viewer viewer, ViewContext context) {
        if (sessionId.isEmpty()) {
            return "Open a session before exporting its logbook";
        }
        byte[] file;
        try {
            file = logbook.export(sessionId, format, viewer);
        } catch (LogbookException e) {
            return "Could not export the logbook of session " + sessionId + ": " + e.getMessage();
        }
        String name = fileName(sessionId, format);
        context.download(name, format.mediaType(), file);
        return "Exported the logbook of session " + sessionId + " as " + name + " ("
                + String.format(Locale.ROOT, "%.1f", file.length / 1024.0) + " kB)";
    }
}
