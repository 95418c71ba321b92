package org.datastamp.ui.logbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.datastamp.logbook.api.ScanFilter;

/**
 * The overview's search box: free words plus {@code tag:NAME}, {@code stars:N} (least mean rating) and
 * {@code status:STATUS}, e.g. {@code lysozyme tag:best stars:4}.
 */
final class ScanFilters {

    private ScanFilters() {
    }

    static ScanFilter parse(String text) {
        List<String> words = new ArrayList<>();
        String tag = "";
        int stars = 0;
        String status = "";
        for (String word : text.strip().split("\\s+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.startsWith("tag:")) {
                tag = word.substring(4);
            } else if (lower.matches("stars:[0-5]")) {
                stars = Integer.parseInt(lower.substring(6));
            } else if (lower.startsWith("status:")) {
                status = word.substring(7);
            } else if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return new ScanFilter(String.join(" ", words), tag, stars, status);
    }
}
