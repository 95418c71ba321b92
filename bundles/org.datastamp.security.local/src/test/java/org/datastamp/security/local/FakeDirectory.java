package org.datastamp.security.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Facility;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Sample;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;

/** People and password hashes in maps; everything else is outside what the account service may use. */
final class FakeDirectory implements FacilityDirectory {

    final Map<String, Person> people = new HashMap<>();
    final Map<String, String> hashes = new HashMap<>();

    @Override
    public Person savePerson(Person person) {
        people.put(person.username(), person);
        return person;
    }

    @Override
    public Optional<Person> person(String username) {
        return Optional.ofNullable(people.get(username));
    }

    @Override
    public Optional<String> passwordHash(String username) {
        return Optional.ofNullable(hashes.get(username));
    }

    @Override
    public void setPasswordHash(String username, String hash) throws CatalogException {
        if (!people.containsKey(username)) {
            throw new CatalogException("No person '" + username + "'");
        }
        hashes.put(username, hash);
    }

    @Override
    public Facility saveFacility(Facility facility) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Facility> facility() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instrument saveInstrument(Instrument instrument) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Instrument> instrument(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Instrument> instruments() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Proposal saveProposal(Proposal proposal) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Proposal> proposal(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Session saveSession(Session session) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Session> session(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Session> sessions(String proposalId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Sample saveSample(Sample sample) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Sample> sample(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Viewer viewer(String username) {
        throw new UnsupportedOperationException();
    }
}
