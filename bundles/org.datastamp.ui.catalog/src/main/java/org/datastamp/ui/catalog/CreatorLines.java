package org.datastamp.ui.catalog;

import java.util.ArrayList;
import java.util.List;

import org.datastamp.doi.api.Affiliation;
import org.datastamp.doi.api.Creator;

/**
 * The DOI form's creators box: one creator per line, {@code Family, Given | ORCID | Affiliation | ROR}, the last
 * three optional. A line without a comma is an organisation.
 */
final class CreatorLines {

    private CreatorLines() {
    }

    static String format(List<Creator> creators) {
        StringBuilder text = new StringBuilder();
        for (Creator c : creators) {
            Affiliation a = c.affiliations().isEmpty() ? null : c.affiliations().get(0);
            text.append(c.name()).append(" | ").append(c.orcid()).append(" | ").append(a == null ? "" : a.name())
                    .append(" | ").append(a == null ? "" : a.ror());
            text.append('\n');
        }
        return text.toString().replaceAll("( \\| )+\\n", "\n").strip();
    }

    /**
     * @throws IllegalArgumentException naming the line and what is wrong (an ORCID or ROR id of the wrong form)
     */
    static List<Creator> parse(String text) {
        List<Creator> creators = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            String[] parts = lines[n].split("\\|", -1);
            String name = parts[0].strip();
            String orcid = part(parts, 1);
            String affiliation = part(parts, 2);
            String ror = part(parts, 3);
            int comma = name.indexOf(',');
            String family = comma < 0 ? "" : name.substring(0, comma).strip();
            String given = comma < 0 ? "" : name.substring(comma + 1).strip();
            try {
                creators.add(new Creator(name, given, family, orcid, affiliation.isEmpty() ? List.of()
                        : List.of(new Affiliation(affiliation, ror))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Creators, line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        if (creators.isEmpty()) {
            throw new IllegalArgumentException("Creators: name at least one, as 'Family, Given | ORCID | Affiliation'");
        }
        return creators;
    }

    private static String part(String[] parts, int i) {
        return parts.length > i ? parts[i].strip() : "";
    }
}
