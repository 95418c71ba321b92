package org.datastamp.ui.logbook;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datastamp.logbook.api.ImageData;
import org.datastamp.logbook.api.LogEntry;

/**
 * The HTML document a Browser widget shows for notes or comments. The entries' HTML is already sanitized by the
 * logbook; the page adds a Content-Security-Policy that allows no script at all (defence in depth: a sanitizer bug
 * still runs nothing) and inlines the session's images as data: URIs, because the browser's requests for
 * {@code /api/v1/logbooks/images/{id}} would not carry the workbench user's credentials.
 */
final class NotesPage {

    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private static final Pattern IMAGE = Pattern.compile(
            "src=\"/api/v1/logbooks/images/([A-Za-z0-9_.-]+)(\\?thumbnail=true)?\"");

    /** Reads an image the viewer may see. */
    @FunctionalInterface
    interface Images {
        Optional<ImageData> image(String id, boolean thumbnail);
    }

    private NotesPage() {
    }

    static String page(List<LogEntry> entries, Images images) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\"><style>"
                + "body{font:13px sans-serif;margin:6px} .entry{border-bottom:1px solid #ddd;padding:4px 0}"
                + " .who{color:#666;font-size:11px} img{max-width:100%}</style></head><body>");
        if (entries.isEmpty()) {
            html.append("<p class=\"who\">Nothing written yet.</p>");
        }
        for (LogEntry e : entries) {
            html.append("<div class=\"entry\" id=\"entry-").append(ScanCells.escape(e.id())).append("\">")
                    .append("<div class=\"who\">").append(ScanCells.escape(e.editedBy())).append(", ")
                    .append(ScanCells.TIME.format(e.edited())).append(" UTC, version ").append(e.version())
                    .append(e.scanId().isEmpty() ? "" : " on " + ScanCells.escape(e.scanId())).append("</div>")
                    .append(inlineImages(e.html(), images)).append("</div>");
        }
        return html.append("</body></html>").toString();
    }

    static String inlineImages(String html, Images images) {
        Matcher m = IMAGE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = images.image(m.group(1), m.group(2) != null).map(i -> "src=\"data:" + i.mediaType() + ";base64,"
                    + Base64.getEncoder().encodeToString(i.content()) + "\"").orElse("src=\"\"");
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
