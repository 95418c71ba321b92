package org.datastamp.rest;

import static org.datastamp.rest.JsonFields.bad;
import static org.datastamp.rest.JsonFields.instant;
import static org.datastamp.rest.JsonFields.optionalText;
import static org.datastamp.rest.JsonFields.requireObject;
import static org.datastamp.rest.JsonFields.requiredText;
import static org.datastamp.rest.JsonFields.strings;
import static org.datastamp.rest.JsonFields.valid;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Role;
import org.datastamp.catalog.api.Sample;
import org.datastamp.catalog.api.Session;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the facility directory's records from the JSON bodies of {@code PUT /api/v1/<kind>/{id}}; the id comes from
 * the path. Every problem is a 400 naming the field.
 */
final class DirectoryReader {

    static final Set<String> INSTRUMENT_FIELDS = Set.of("name", "techniques");
    static final Set<String> PERSON_FIELDS = Set.of("fullName", "email", "orcid", "affiliation", "roles", "staffOf");
    static final Set<String> PROPOSAL_FIELDS = Set.of("title", "abstract", "principalInvestigator", "members",
            "embargo");
    static final Set<String> SESSION_FIELDS = Set.of("proposalId", "instrument", "start", "end");
    static final Set<String> SAMPLE_FIELDS = Set.of("name", "description", "proposalId");

    private DirectoryReader() {
    }

    static Instrument instrument(String id, JsonNode json) throws ProblemException {
        requireObject(json, INSTRUMENT_FIELDS);
        String name = requiredText(json, "", "name");
        return valid(() -> new Instrument(id, name, strings(json, "", "techniques")));
    }

    static Person person(String username, JsonNode json) throws ProblemException {
        requireObject(json, PERSON_FIELDS);
        String fullName = requiredText(json, "", "fullName");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        var roleNames = strings(json, "", "roles");
        for (int i = 0; i < roleNames.size(); i++) {
            try {
                roles.add(Role.valueOf(roleNames.get(i).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw bad("roles[" + i + "]", "Unknown role '" + roleNames.get(i) + "'; use SCIENTIST, BEAMLINE_STAFF,"
                        + " CURATOR or ADMIN");
            }
        }
        Set<String> staffOf = new HashSet<>(strings(json, "", "staffOf"));
        return valid(() -> new Person(username, fullName, optionalText(json, "", "email"),
                optionalText(json, "", "orcid"), optionalText(json, "", "affiliation"), roles, staffOf));
    }

    static Proposal proposal(String id, JsonNode json) throws ProblemException {
        requireObject(json, PROPOSAL_FIELDS);
        String title = requiredText(json, "", "title");
        String pi = requiredText(json, "", "principalInvestigator");
        String embargoText = optionalText(json, "", "embargo");
        Period embargo = null;
        if (!embargoText.isEmpty()) {
            try {
                embargo = Period.parse(embargoText);
            } catch (DateTimeParseException e) {
                throw bad("embargo", "'" + embargoText + "' is not an ISO-8601 period such as P3Y or P6M");
            }
        }
        Period chosen = embargo;
        Set<String> members = new HashSet<>(strings(json, "", "members"));
        return valid(() -> new Proposal(id, title, optionalText(json, "", "abstract"), pi, members, chosen));
    }

    static Session session(String id, JsonNode json) throws ProblemException {
        requireObject(json, SESSION_FIELDS);
        String proposalId = requiredText(json, "", "proposalId");
        String instrument = requiredText(json, "", "instrument");
        var start = instant(json, "", "start", null);
        var end = instant(json, "", "end", null);
        return valid(() -> new Session(id, proposalId, instrument, start, end));
    }

    static Sample sample(String id, JsonNode json) throws ProblemException {
        requireObject(json, SAMPLE_FIELDS);
        String name = requiredText(json, "", "name");
        return valid(() -> new Sample(id, name, optionalText(json, "", "description"),
                optionalText(json, "", "proposalId")));
    }
}
