package org.datastamp.catalog.api;

import java.util.List;
import java.util.Optional;

/**
 * The facility's people, instruments, proposals, sessions and samples, kept in the catalogue database. Saving
 * replaces the record with the same id.
 */
public interface FacilityDirectory {

    Facility saveFacility(Facility facility) throws CatalogException;

    Optional<Facility> facility() throws CatalogException;

    Instrument saveInstrument(Instrument instrument) throws CatalogException;

    Optional<Instrument> instrument(String id) throws CatalogException;

    List<Instrument> instruments() throws CatalogException;

    /** Saves a proposal; a changed embargo changes when its datasets become public. */
    Proposal saveProposal(Proposal proposal) throws CatalogException;

    Optional<Proposal> proposal(String id) throws CatalogException;

    Session saveSession(Session session) throws CatalogException;

    Optional<Session> session(String id) throws CatalogException;

    /** Sessions of a proposal, earliest first. */
    List<Session> sessions(String proposalId) throws CatalogException;

    Sample saveSample(Sample sample) throws CatalogException;

    Optional<Sample> sample(String id) throws CatalogException;

    Person savePerson(Person person) throws CatalogException;

    /**
     * Saves a batch of directory records and {@code alsoWrite}'s rows in one transaction: all are recorded, or none
     * is (since 2.2). A directory that cannot do this says so.
     */
    default void saveAll(DirectoryBatch batch, SameTransaction alsoWrite) throws CatalogException {
        throw new CatalogException(getClass().getSimpleName() + " cannot save directory records in one transaction");
    }

    Optional<Person> person(String username) throws CatalogException;

    /** What the access rule needs to know about a user: proposals, staff instruments, curator/admin role. */
    Viewer viewer(String username) throws CatalogException;

    /** The stored password hash of a local account (format owned by the account service), if any. */
    Optional<String> passwordHash(String username) throws CatalogException;

    /** Stores a local account's password hash; the person must exist. */
    void setPasswordHash(String username, String hash) throws CatalogException;
}
