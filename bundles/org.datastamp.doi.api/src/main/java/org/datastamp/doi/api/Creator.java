package org.datastamp.doi.api;

import java.util.List;

/**
 * A person (or organisation) credited as creator of published data.
 *
 * @param name         display name, "Family, Given" for persons as citations print it
 * @param givenName    given name, empty for organisations or if unknown
 * @param familyName   family name, empty for organisations or if unknown
 * @param orcid        ORCID iD ({@code 0000-0002-1825-0097}), empty if unknown
 * @param affiliations institutions, in order
 */
public record Creator(String name, String givenName, String familyName, String orcid,
        List<Affiliation> affiliations) {

    public Creator {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A creator needs a name");
        }
        givenName = givenName == null ? "" : givenName.strip();
        familyName = familyName == null ? "" : familyName.strip();
        orcid = orcid == null ? "" : orcid.strip();
        if (!orcid.isEmpty() && !orcid.matches("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]")) {
            throw new IllegalArgumentException("Creator '" + name + "': ORCID '" + orcid
                    + "' is not of the form 0000-0000-0000-000X");
        }
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
    }
}
