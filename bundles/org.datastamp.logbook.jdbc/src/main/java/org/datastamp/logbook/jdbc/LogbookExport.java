package org.datastamp.logbook.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.datastamp.catalog.api.Session;
import org.datastamp.logbook.api.EntryKind;
import org.datastamp.logbook.api.LogEntry;
import org.datastamp.logbook.api.ScanRow;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A session's logbook as one HTML document: the scans overview, each scan's comments, then the notes. All text is
 * set through jsoup's text methods (escaped); entries are their already sanitized HTML with images inlined as
 * data: URIs, so the file stands alone. The PDF export renders the same document.
 */
final class LogbookExport {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String STYLE = "body{font-family:sans-serif;font-size:10pt;margin:1.5em}"
            + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:2px 4px;"
            + "text-align:left;vertical-align:top}img{max-width:100%}.meta{color:#555;font-size:9pt}"
            + ".entry{border-left:3px solid #4a78b5;padding-left:8px;margin:10px 0}";

    private final Session session;
    private final String proposalTitle;
    private final List<ScanRow> scans;
    private final List<LogEntry> entries;
    private final Instant exported;

    LogbookExport(Session session, String proposalTitle, List<ScanRow> scans, List<LogEntry> entries,
            Instant exported) {
        this.session = session;
        this.proposalTitle = proposalTitle;
        this.scans = scans;
        this.entries = entries;
        this.exported = exported;
    }

    /** The same logbook stamped with another export time: an earlier export is unchanged if this equals it. */
    LogbookExport exportedAt(Instant time) {
        return new LogbookExport(session, proposalTitle, scans, entries, time);
    }

    byte[] html() {
        return document().outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    Document document() {
        Document doc = Document.createShell("");
        doc.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(false);
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.title("Logbook of session " + session.id());
        doc.head().appendElement("style").appendText(STYLE);
        Element body = doc.body();
        body.appendElement("h1").text("Logbook of session " + session.id());
        body.appendElement("p").addClass("meta").text("Proposal " + session.proposalId()
                + (proposalTitle.isEmpty() ? "" : " (" + proposalTitle + ")") + ", instrument " + session.instrument()
                + ", " + TIME.format(session.start()) + " to " + TIME.format(session.end()) + ". Exported "
                + TIME.format(exported) + ".");
        overview(body.appendElement("h2").text("Scans").parent());
        body.appendElement("h2").text("Notes");
        for (LogEntry e : entries) {
            if (e.kind() == EntryKind.NOTE) {
                entry(body, e);
            }
        }
        return doc;
    }

    private void overview(Element body) {
        TreeSet<String> columns = new TreeSet<>();
        scans.forEach(s -> columns.addAll(s.values().keySet()));
        Element table = body.appendElement("table").addClass("scans");
        Element head = table.appendElement("tr");
        for (String h : List.of("Time", "Scan", "Type", "Sample")) {
            head.appendElement("th").text(h);
        }
        columns.forEach(c -> head.appendElement("th").text(c));
        for (String h : List.of("Status", "Rating", "Tags")) {
            head.appendElement("th").text(h);
        }
        for (ScanRow s : scans) {
            Element row = table.appendElement("tr").attr("id", "scan-" + s.scanId());
            row.appendElement("td").text(TIME.format(s.started()));
            row.appendElement("td").text(s.scanId() + " " + s.title());
            row.appendElement("td").text(s.type());
            row.appendElement("td").text(s.sample());
            columns.forEach(c -> row.appendElement("td").text(s.values().getOrDefault(c, "")));
            row.appendElement("td").text(s.status() + (s.error().isEmpty() ? "" : ": " + s.error()));
            row.appendElement("td").text(rating(s));
            row.appendElement("td").text(String.join(", ", s.sortedTags()));
        }
        for (ScanRow s : scans) {
            List<LogEntry> comments = entries.stream().filter(e -> e.kind() == EntryKind.COMMENT
                    && e.scanId().equals(s.scanId())).toList();
            if (!comments.isEmpty()) {
                body.appendElement("h3").text("Comments on " + s.scanId());
                comments.forEach(c -> entry(body, c));
            }
        }
    }

    static String rating(ScanRow s) {
        return s.ratings() == 0 ? "" : String.format(Locale.ROOT, "%.1f/5 (%d)", s.rating(), s.ratings());
    }

    private static void entry(Element body, LogEntry e) {
        Element div = body.appendElement("div").addClass("entry").attr("id", "entry-" + e.id());
        div.appendElement("p").addClass("meta").text(e.author() + ", " + TIME.format(e.created())
                + (e.version() > 1 ? "; version " + e.version() + " by " + e.editedBy() + ", "
                        + TIME.format(e.edited()) : ""));
        div.appendElement("div").html(e.html());
    }
}
