package org.datastamp.catalog.api;

import java.time.Period;
import java.util.Set;

/**
 * An accepted proposal: who may see its data before it becomes public.
 *
 * @param id                    proposal id, e.g. {@code 20240123}
 * @param title                 title
 * @param abstractText          abstract, empty if none
 * @param principalInvestigator username of the PI
 * @param members               usernames of all members (the PI included or not; both count)
 * @param embargo               how long after a dataset ends it stays private; {@code null} means the catalogue's
 *                              configured default (3 years unless configured)
 */
public record Proposal(String id, String title, String abstractText, String principalInvestigator,
        Set<String> members, Period embargo) {

    public Proposal {
        Ids.require("proposal id", id);
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Proposal '" + id + "' needs a title");
        }
        abstractText = abstractText == null ? "" : abstractText;
        Ids.require("principal investigator of proposal " + id, principalInvestigator);
        members = Set.copyOf(members);
        if (embargo != null && embargo.isNegative()) {
            throw new IllegalArgumentException("Proposal '" + id + "' has a negative embargo " + embargo);
        }
    }
}
