package org.datastamp.ui.logbook;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.datastamp.logbook.api.ScanRow;

/**
 * The cells of the scans overview, as plain text (the table has no markup: whatever a sample is called shows as
 * typed). The thumbnail column has no text; its image is the table item's ({@link ScanThumbnailImages}).
 */
final class ScanCells {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Fixed columns before the beamline's key columns, and after them. */
    static final List<String> LEAD = List.of("Time (UTC)", "Scan", "Type", "Sample");
    static final List<String> TAIL = List.of("Thumbnail", "Status", "Rating", "Tags", "Comments");

    private ScanCells() {
    }

    /** The key metadata columns present in these rows, in name order. */
    static List<String> keyColumns(List<ScanRow> rows) {
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(r -> names.addAll(r.values().keySet()));
        return List.copyOf(names);
    }

    static List<String> headers(List<String> keyColumns) {
        List<String> headers = new ArrayList<>(LEAD);
        headers.addAll(keyColumns);
        headers.addAll(TAIL);
        return headers;
    }

    static String[] row(ScanRow r, List<String> keyColumns) {
        List<String> cells = new ArrayList<>();
        cells.add(TIME.format(r.started()));
        cells.add(r.scanId());
        cells.add(r.type());
        cells.add(r.sample());
        keyColumns.forEach(k -> cells.add(r.values().getOrDefault(k, "")));
        cells.add("");
        cells.add(r.status() + (r.error().isEmpty() ? "" : ": " + r.error()));
        cells.add(stars(r.rating(), r.ratings()));
        cells.add(String.join(", ", r.sortedTags()));
        cells.add(Integer.toString(r.comments()));
        return cells.toArray(String[]::new);
    }

    /** Index of the thumbnail column for these key columns. */
    static int thumbnailColumn(List<String> keyColumns) {
        return LEAD.size() + keyColumns.size();
    }

    /** Mean rating as filled and empty stars, with the count: {@code ★★★★☆ 4.0 (2)}; empty when unrated. */
    static String stars(double mean, int count) {
        if (count == 0) {
            return "";
        }
        int full = (int) Math.round(mean);
        return "\u2605".repeat(full) + "\u2606".repeat(5 - full) + String.format(Locale.ROOT, " %.1f (%d)", mean, count);
    }

    /** Text for HTML (the notes page). */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
