package org.datastamp.ui.logbook;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.datastamp.logbook.api.ScanRow;

/**
 * The cells of the scans overview. The table has RAP markup enabled (for the thumbnail image), so every text is
 * escaped here and only the thumbnail becomes an element.
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
        cells.add(escape(TIME.format(r.started())));
        cells.add(escape(r.scanId()));
        cells.add(escape(r.type()));
        cells.add(escape(r.sample()));
        keyColumns.forEach(k -> cells.add(escape(r.values().getOrDefault(k, ""))));
        cells.add(thumbnail(r.thumbnail()));
        cells.add(escape(r.status() + (r.error().isEmpty() ? "" : ": " + r.error())));
        cells.add(escape(stars(r.rating(), r.ratings())));
        cells.add(escape(String.join(", ", r.sortedTags())));
        cells.add(escape(Integer.toString(r.comments())));
        return cells.toArray(String[]::new);
    }

    /** Mean rating as filled and empty stars, with the count: {@code ★★★★☆ 4.0 (2)}; empty when unrated. */
    static String stars(double mean, int count) {
        if (count == 0) {
            return "";
        }
        int full = (int) Math.round(mean);
        return "\u2605".repeat(full) + "\u2606".repeat(5 - full) + String.format(Locale.ROOT, " %.1f (%d)", mean, count);
    }

    /** An image element for a thumbnail address from the visualization service; only plain URL paths are shown. */
    static String thumbnail(String address) {
        if (address.isEmpty() || !address.matches("/[A-Za-z0-9/_.?=&%-]*")) {
            return "";
        }
        return "<img src=\"" + escape(address) + "\" width=\"48\" height=\"48\"/>";
    }

    /** Text for a markup-enabled cell. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
