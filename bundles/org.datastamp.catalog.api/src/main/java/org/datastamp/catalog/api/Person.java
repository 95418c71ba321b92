package org.datastamp.catalog.api;

import java.util.Set;

/**
 * A person known to the facility.
 *
 * @param username    unique login name, e.g. {@code jdoe}
 * @param fullName    display name
 * @param email       e-mail address, empty if unknown
 * @param orcid       ORCID iD ({@code 0000-0002-1825-0097}), empty if unknown
 * @param affiliation institution name, empty if unknown
 * @param roles       roles held
 * @param staffOf     ids of the instruments this person is beamline staff of
 */
public record Person(String username, String fullName, String email, String orcid, String affiliation,
        Set<Role> roles, Set<String> staffOf) {

    public Person {
        Ids.require("username", username);
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("Person '" + username + "' needs a full name");
        }
        email = email == null ? "" : email;
        orcid = orcid == null ? "" : orcid;
        if (!orcid.isEmpty() && !orcid.matches("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]")) {
            throw new IllegalArgumentException("Person '" + username + "': ORCID '" + orcid
                    + "' is not of the form 0000-0000-0000-000X");
        }
        affiliation = affiliation == null ? "" : affiliation;
        roles = Set.copyOf(roles);
        staffOf = Set.copyOf(staffOf);
    }
}
