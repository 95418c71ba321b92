package org.datastamp.storage.api;

import java.util.Collection;
import java.util.List;

/**
 * The lifecycle service: moves datasets between tiers by policy, keeps the configured number of verified copies,
 * and brings archived datasets back online on request. Datasets are named by their catalogue id.
 * <p>
 * Recall follows ICAT IDS's prepareData / getStatus: {@link #prepare} returns at once with a ticket; the status
 * counts datasets (not objects) in {@link RecallStatus#keysDone()} and {@link RecallStatus#keysTotal()}.
 */
public interface StorageLifecycle {

    /**
     * Asks for the datasets to be made readable. Datasets with an online copy count as done at once; the others are
     * recalled from their tape copies, one request per backend with all their objects, so the backend can group
     * them per cartridge. Counts as an access to each dataset (resets "days without access").
     *
     * @param requester the user asking, kept with the ticket so that only they (or a curator) follow it
     * @throws UnknownIdException if a dataset is not recorded or has no verified copy (nothing is requested then)
     */
    RecallTicket prepare(Collection<String> datasetIds, String requester) throws StorageException;

    /** Where a {@link #prepare} request stands. */
    RecallStatus status(RecallTicket ticket) throws StorageException;

    /** Who asked for a ticket. */
    String requester(RecallTicket ticket) throws StorageException;

    /** Every configured policy, valid or not, with what it did last. */
    List<PolicyStatus> policies();

    /** Plans and runs one round now, waits for it, and says what it did. */
    MigrationSummary migrateNow() throws StorageException;

    /**
     * Where the most recent recall requests stand, newest first, with who asked: for admin pages. Added in 1.5; the
     * default knows of none.
     *
     * @param limit most requests returned
     */
    default List<RecallRequest> recentRecalls(int limit) throws StorageException {
        return List.of();
    }
}
