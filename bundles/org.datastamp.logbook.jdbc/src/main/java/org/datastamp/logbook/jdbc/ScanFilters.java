package org.datastamp.logbook.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.datastamp.logbook.api.InvalidEntryException;
import org.datastamp.logbook.api.ScanFilter;
import org.datastamp.logbook.api.ScanRow;

/** Filtering the overview and checking tags. */
final class ScanFilters {

    private ScanFilters() {
    }

    static boolean matches(ScanRow row, ScanFilter filter, List<String> comments) {
        if (!filter.status().isEmpty() && !filter.status().equals(row.status())) {
            return false;
        }
        if (!filter.tag().isEmpty() && !row.tags().contains(filter.tag())) {
            return false;
        }
        if (filter.minStars() > 0 && row.rating() < filter.minStars()) {
            return false;
        }
        if (filter.text().isEmpty()) {
            return true;
        }
        StringBuilder haystack = new StringBuilder().append(row.scanId()).append('\n').append(row.title())
                .append('\n').append(row.sample()).append('\n').append(row.type());
        row.values().forEach((k, v) -> haystack.append('\n').append(k).append(' ').append(v));
        comments.forEach(c -> haystack.append('\n').append(c));
        String text = haystack.toString().toLowerCase(Locale.ROOT);
        for (String word : filter.text().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Tags in their stored form: lower case, checked. */
    static Set<String> tags(String field, Set<String> tags) throws InvalidEntryException {
        Set<String> checked = new TreeSet<>();
        for (String tag : tags == null ? Set.<String>of() : tags) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (!t.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,49}")) {
                throw new InvalidEntryException(field, "tag '" + tag + "' is not 1-50 letters, digits, '.', '_' or"
                        + " '-' starting with a letter or digit");
            }
            checked.add(t);
        }
        return checked;
    }
}
