package org.datastamp.catalog.jdbc;

import static org.datastamp.catalog.jdbc.Database.instant;
import static org.datastamp.catalog.jdbc.Database.nullIfEmpty;
import static org.datastamp.catalog.jdbc.Database.text;
import static org.datastamp.catalog.jdbc.Database.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.datastamp.catalog.api.Facility;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Role;
import org.datastamp.catalog.api.Sample;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;

/** Reads and writes the facility directory's rows: facility, instruments, people, proposals, sessions, samples. */
final class FacilityRows {

    private FacilityRows() {
    }

    /** Runs an UPDATE and, if it changed no row, the INSERT with the same parameters. */
    private static void upsert(Connection c, String update, String insert, Object... params) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(update)) {
            // The UPDATE takes the key last; the INSERT takes it first.
            for (int i = 1; i < params.length; i++) {
                u.setObject(i, params[i]);
            }
            u.setObject(params.length, params[0]);
            if (u.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(insert)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static void replaceChildren(Connection c, String table, String keyColumn, String key,
            String valueColumn, Collection<String> values, boolean ordered) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table + " WHERE " + keyColumn + " = ?")) {
            d.setString(1, key);
            d.executeUpdate();
        }
        if (values.isEmpty()) {
            return;
        }
        String sql = ordered
                ? "INSERT INTO " + table + " (" + keyColumn + ", ordinal, " + valueColumn + ") VALUES (?, ?, ?)"
                : "INSERT INTO " + table + " (" + keyColumn + ", " + valueColumn + ") VALUES (?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 0;
            for (String v : values) {
                s.setString(1, key);
                if (ordered) {
                    s.setInt(2, i++);
                    s.setString(3, v);
                } else {
                    s.setString(2, v);
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static List<String> children(Connection c, String sql, String key) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    // --- facility: there is one, the facility running this catalogue

    static void saveFacility(Connection c, Facility f) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM facility")) {
            d.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO facility (id, name, ror) VALUES (?, ?, ?)")) {
            s.setString(1, f.id());
            s.setString(2, f.name());
            s.setString(3, f.ror());
            s.executeUpdate();
        }
    }

    static Optional<Facility> facility(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id, name, ror FROM facility");
                ResultSet rs = q.executeQuery()) {
            return rs.next() ? Optional.of(new Facility(rs.getString(1), rs.getString(2), rs.getString(3)))
                    : Optional.empty();
        }
    }

    // --- instruments

    static void saveInstrument(Connection c, Instrument i) throws SQLException {
        upsert(c, "UPDATE instrument SET name = ? WHERE id = ?", "INSERT INTO instrument (id, name) VALUES (?, ?)",
                i.id(), i.name());
        replaceChildren(c, "instrument_technique", "instrument_id", i.id(), "technique", i.techniques(), true);
    }

    /** Records an instrument known only by its id (datasets may name instruments not set up yet). */
    static void ensureInstrument(Connection c, String id) throws SQLException {
        if (!IngestValidator.exists(c, "instrument", "id", id)) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO instrument (id, name) VALUES (?, ?)")) {
                s.setString(1, id);
                s.setString(2, id);
                s.executeUpdate();
            }
        }
    }

    static List<Instrument> instruments(Connection c, Optional<String> id) throws SQLException {
        List<Instrument> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, name FROM instrument"
                + (id.isPresent() ? " WHERE id = ?" : "") + " ORDER BY id")) {
            if (id.isPresent()) {
                q.setString(1, id.get());
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String instrument = rs.getString(1);
                    out.add(new Instrument(instrument, rs.getString(2), children(c, "SELECT technique FROM"
                            + " instrument_technique WHERE instrument_id = ? ORDER BY ordinal", instrument)));
                }
            }
        }
        return out;
    }

    // --- people

    static void savePerson(Connection c, Person p) throws SQLException {
        upsert(c, "UPDATE person SET full_name = ?, email = ?, orcid = ?, affiliation = ? WHERE username = ?",
                "INSERT INTO person (username, full_name, email, orcid, affiliation) VALUES (?, ?, ?, ?, ?)",
                p.username(), p.fullName(), p.email(), p.orcid(), p.affiliation());
        replaceChildren(c, "person_role", "username", p.username(), "role",
                p.roles().stream().map(Role::name).sorted().toList(), false);
        replaceChildren(c, "person_staff_of", "username", p.username(), "instrument_id", new TreeSet<>(p.staffOf()),
                false);
    }

    static Optional<Person> person(Connection c, String username) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT full_name, email, orcid, affiliation FROM person"
                + " WHERE username = ?")) {
            q.setString(1, username);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (String role : children(c, "SELECT role FROM person_role WHERE username = ?", username)) {
                    roles.add(Role.valueOf(role));
                }
                Set<String> staffOf = new LinkedHashSet<>(children(c, "SELECT instrument_id FROM person_staff_of"
                        + " WHERE username = ?", username));
                return Optional.of(new Person(username, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), roles, staffOf));
            }
        }
    }

    static Viewer viewer(Connection c, String username) throws SQLException {
        Set<String> proposals = new LinkedHashSet<>(children(c, "SELECT id FROM proposal WHERE"
                + " principal_investigator = ? UNION SELECT proposal_id FROM proposal_member WHERE username = ?",
                username, username));
        Optional<Person> person = person(c, username);
        Set<String> staffOf = person.map(Person::staffOf).orElse(Set.of());
        boolean seesEverything = person.map(p -> p.roles().contains(Role.CURATOR) || p.roles().contains(Role.ADMIN))
                .orElse(false);
        return new Viewer(username, proposals, staffOf, seesEverything);
    }

    private static List<String> children(Connection c, String sql, String key1, String key2) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, key1);
            q.setString(2, key2);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static Optional<String> passwordHash(Connection c, String username) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT password_hash FROM person WHERE username = ?")) {
            q.setString(1, username);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Returns false when there is no such person. */
    static boolean setPasswordHash(Connection c, String username, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE person SET password_hash = ? WHERE username = ?")) {
            s.setString(1, hash);
            s.setString(2, username);
            return s.executeUpdate() > 0;
        }
    }

    /** Full names of a proposal's PI and members (user name where no person is recorded), PI first. */
    static List<String> people(Connection c, String proposalId) throws SQLException {
        return people(c, Set.of(proposalId)).getOrDefault(proposalId, List.of());
    }

    /**
     * The names of each proposal's people (principal investigator first, then members by username; the full name when
     * the person is known, else the username), read with two queries however many proposals are asked for: the
     * change feed asks this for hundreds of proposals per batch.
     */
    static Map<String, List<String>> people(Connection c, Set<String> proposalIds) throws SQLException {
        Map<String, Map<String, String>> byProposal = new LinkedHashMap<>();
        if (proposalIds.isEmpty()) {
            return Map.of();
        }
        String in = " IN (" + Database.placeholders(proposalIds.size()) + ")";
        readPeople(c, "SELECT p.id, p.principal_investigator, pe.full_name FROM proposal p LEFT JOIN person pe"
                + " ON pe.username = p.principal_investigator WHERE p.id" + in, proposalIds, byProposal);
        readPeople(c, "SELECT m.proposal_id, m.username, pe.full_name FROM proposal_member m LEFT JOIN person pe"
                + " ON pe.username = m.username WHERE m.proposal_id" + in + " ORDER BY m.proposal_id, m.username",
                proposalIds, byProposal);
        Map<String, List<String>> names = new HashMap<>();
        byProposal.forEach((proposal, people) -> names.put(proposal, List.copyOf(people.values())));
        return names;
    }

    /** Adds (proposal, username, full name) rows in query order; a username already seen keeps its place. */
    private static void readPeople(Connection c, String sql, Set<String> proposalIds,
            Map<String, Map<String, String>> byProposal) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            Database.bind(q, 1, proposalIds);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String username = rs.getString(2);
                    String fullName = rs.getString(3);
                    byProposal.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .putIfAbsent(username, fullName == null ? username : fullName);
                }
            }
        }
    }

    // --- proposals

    /** Saves a proposal; returns its previous embargo column (absent when the proposal is new). */
    static Optional<Optional<Period>> saveProposal(Connection c, Proposal p) throws SQLException {
        Optional<Proposal> previous = proposal(c, p.id());
        upsert(c, "UPDATE proposal SET title = ?, abstract_text = ?, principal_investigator = ?, embargo = ?"
                + " WHERE id = ?", "INSERT INTO proposal (id, title, abstract_text, principal_investigator, embargo)"
                + " VALUES (?, ?, ?, ?, ?)", p.id(), p.title(), p.abstractText(), p.principalInvestigator(),
                p.embargo() == null ? null : p.embargo().toString());
        replaceChildren(c, "proposal_member", "proposal_id", p.id(), "username", new TreeSet<>(p.members()), false);
        return previous.map(old -> Optional.ofNullable(old.embargo()));
    }

    static Optional<Proposal> proposal(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT title, abstract_text, principal_investigator, embargo"
                + " FROM proposal WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String embargo = rs.getString(4);
                return Optional.of(new Proposal(id, rs.getString(1), rs.getString(2), rs.getString(3),
                        new LinkedHashSet<>(children(c, "SELECT username FROM proposal_member WHERE proposal_id = ?"
                                + " ORDER BY username", id)),
                        embargo == null ? null : Period.parse(embargo)));
            }
        }
    }

    // --- sessions and samples

    static void saveSession(Connection c, Session s) throws SQLException {
        upsert(c, "UPDATE session SET proposal_id = ?, instrument = ?, start_time = ?, end_time = ? WHERE id = ?",
                "INSERT INTO session (id, proposal_id, instrument, start_time, end_time) VALUES (?, ?, ?, ?, ?)",
                s.id(), s.proposalId(), s.instrument(), utc(s.start()), utc(s.end()));
    }

    static List<Session> sessions(Connection c, String column, String value) throws SQLException {
        List<Session> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, proposal_id, instrument, start_time, end_time"
                + " FROM session WHERE " + column + " = ? ORDER BY start_time, id")) {
            q.setString(1, value);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Session(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, "start_time"),
                            instant(rs, "end_time")));
                }
            }
        }
        return out;
    }

    static void saveSample(Connection c, Sample s) throws SQLException {
        upsert(c, "UPDATE sample SET name = ?, description = ?, proposal_id = ? WHERE id = ?",
                "INSERT INTO sample (id, name, description, proposal_id) VALUES (?, ?, ?, ?)",
                s.id(), s.name(), s.description(), nullIfEmpty(s.proposalId()));
    }

    static Optional<Sample> sample(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT name, description, proposal_id FROM sample"
                + " WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new Sample(id, rs.getString(1), rs.getString(2),
                        text(rs, "proposal_id"))) : Optional.empty();
            }
        }
    }
}
