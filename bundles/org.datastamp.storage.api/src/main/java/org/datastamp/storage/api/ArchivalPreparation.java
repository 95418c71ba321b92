package org.datastamp.storage.api;

/**
 * Brings what another part of the platform keeps about a dataset into the dataset's catalogue record just before
 * the storage lifecycle archives it, so that it is archived with the data (the logbook attaches the export of the
 * dataset's session). Implemented by other bundles as services, called by the lifecycle engine. Added in 1.4.
 * <p>
 * The engine calls every registered service before it builds the dataset's archival package (an OCFL object), and
 * packages the catalogue record as it is afterwards. When one throws, that archival copy is not made in this round
 * and is tried again in the next, so a package never silently lacks what a service was asked to add. With no service
 * registered, archival works as before.
 */
public interface ArchivalPreparation {

    /**
     * Updates the catalogue record of one dataset (for example its attachments) before it is archived. Called from
     * the lifecycle's worker threads, possibly for several datasets at once; it may do nothing for a dataset it
     * knows nothing about, and should do nothing when what it would add is already there (a dataset may be archived
     * to several tiers).
     *
     * @param datasetId the catalogue id of the dataset about to be archived
     * @throws StorageException if the dataset's record could not be brought up to date; the message names the
     *                          dataset and the cause
     */
    void beforeArchival(String datasetId) throws StorageException;
}
