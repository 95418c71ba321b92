package org.datastamp.catalog.api;

import java.util.List;

/**
 * Directory records saved together, all or nothing (e.g. an import from a user-office system). Each replaces the
 * record with the same id, as the single saves of {@link FacilityDirectory} do.
 *
 * @param persons     people
 * @param instruments instruments
 * @param proposals   proposals (saved after people and instruments)
 * @param sessions    sessions (after proposals: each names one)
 * @param samples     samples (after proposals)
 */
public record DirectoryBatch(List<Person> persons, List<Instrument> instruments, List<Proposal> proposals,
        List<Session> sessions, List<Sample> samples) {

    public DirectoryBatch {
        persons = List.copyOf(persons);
        instruments = List.copyOf(instruments);
        proposals = List.copyOf(proposals);
        sessions = List.copyOf(sessions);
        samples = List.copyOf(samples);
    }

    /** How many records in all. */
    public int size() {
        return persons.size() + instruments.size() + proposals.size() + sessions.size() + samples.size();
    }
}
