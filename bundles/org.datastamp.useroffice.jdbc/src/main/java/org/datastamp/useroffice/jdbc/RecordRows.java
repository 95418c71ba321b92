package org.datastamp.useroffice.jdbc;

import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.datastamp.catalog.api.DirectoryBatch;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Role;
import org.datastamp.catalog.api.Sample;
import org.datastamp.catalog.api.Session;
import org.datastamp.useroffice.api.Allocation;
import org.datastamp.useroffice.api.Hazard;
import org.datastamp.useroffice.api.ImportProblem;
import org.datastamp.useroffice.api.ImportedRecords;
import org.datastamp.useroffice.api.SampleSheet;

/**
 * Turns rows of named fields (a CSV line, a JSON object) into records, whatever the file format. Each row has a
 * {@code kind}: person, instrument, proposal, session, sample or allocation. Lists are separated by ';'. Every bad
 * row is collected with its line; the caller reports them all.
 */
final class RecordRows {

    /** One row as read: its line and fields. */
    record Row(int line, Map<String, String> fields) {
    }

    private final List<Person> persons = new ArrayList<>();
    private final List<Instrument> instruments = new ArrayList<>();
    private final List<Proposal> proposals = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<SampleSheet> sheets = new ArrayList<>();
    private final List<Allocation> allocations = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();

    /** Adds a row's record, or its problem. */
    void add(Row row) {
        Map<String, String> f = row.fields();
        String kind = f.getOrDefault("kind", "").strip().toLowerCase(Locale.ROOT);
        String id = f.getOrDefault("id", "").strip();
        try {
            switch (kind) {
                case "person" -> persons.add(new Person(id, f.get("name"), f.get("email"), f.get("orcid"),
                        f.get("affiliation"), roles(f.get("roles")), list(f.get("staffOf"))));
                case "instrument" -> instruments.add(new Instrument(id, required(f, "name"),
                        List.copyOf(list(f.get("techniques")))));
                case "proposal" -> proposals.add(new Proposal(id, f.get("title"), f.get("abstract"), f.get("pi"),
                        list(f.get("members")), embargo(f.get("embargo"))));
                case "session" -> sessions.add(new Session(id, f.get("proposal"), f.get("instrument"),
                        time(f, "start"), time(f, "end")));
                case "sample" -> {
                    Sample sample = new Sample(id, f.get("name"), f.get("description"), f.get("proposal"));
                    sheets.add(new SampleSheet(sample, f.get("composition"), hazard(f.get("hazard")),
                            f.get("safety")));
                    samples.add(sample);
                }
                case "allocation" -> allocations.add(new Allocation(id, f.get("proposal"), f.get("instrument"),
                        f.get("title"), shifts(f.get("shifts")), list(f.get("sessions"))));
                default -> throw new IllegalArgumentException("kind '" + f.getOrDefault("kind", "")
                        + "' is none of person, instrument, proposal, session, sample, allocation");
            }
            if (lines.putIfAbsent(kind + ":" + id, row.line()) != null) {
                problems.add(new ImportProblem(row.line(), "id", "the " + kind + " '" + id + "' is in the file"
                        + " twice (first on line " + lines.get(kind + ":" + id) + ")"));
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(new ImportProblem(row.line(), "", e.getMessage()));
        }
    }

    void problem(ImportProblem problem) {
        problems.add(problem);
    }

    List<ImportProblem> problems() {
        return problems;
    }

    ImportedRecords records() {
        return new ImportedRecords(new DirectoryBatch(persons, instruments, proposals, sessions, samples),
                allocations, sheets, lines);
    }

    private static String required(Map<String, String> f, String name) {
        String value = f.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return value;
    }

    private static Set<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }

    private static Set<Role> roles(String value) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : list(value)) {
            try {
                roles.add(Role.valueOf(r.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("role '" + r + "' is none of " + Arrays.toString(Role.values()));
            }
        }
        return roles;
    }

    private static Instant time(Map<String, String> f, String name) {
        String value = required(f, name);
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' value '" + value + "' is not an ISO-8601 instant"
                    + " such as 2026-03-01T08:00:00Z");
        }
    }

    private static Period embargo(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Period.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("embargo '" + value + "' is not an ISO-8601 period such as P3Y");
        }
    }

    private static Hazard hazard(String value) {
        try {
            return Hazard.valueOf(value == null || value.isBlank() ? "NONE" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hazard '" + value + "' is none of " + Arrays.toString(Hazard.values()));
        }
    }

    private static int shifts(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shifts '" + value + "' is not a whole number");
        }
    }
}
