package org.datastamp.catalog.api;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where every copy of each dataset's files is, and the state of each: what the lifecycle engine writes and what
 * admin surfaces show. Each change is one transaction, so the records double as the engine's journal: a copy is
 * recorded {@link CopyState#WRITING} before its first byte is written and {@link CopyState#RELEASED} before its
 * first byte is deleted. Added in package version 2.2; the JDBC catalogue registers it beside {@link Catalog}.
 */
public interface StorageCopies {

    /** A dataset's copies, in any state, by backend id. */
    List<DatasetCopy> copies(DatasetId id) throws CatalogException;

    /** Copies of many datasets; the default asks for each. */
    default Map<DatasetId, List<DatasetCopy>> copies(Collection<DatasetId> ids) throws CatalogException {
        Map<DatasetId, List<DatasetCopy>> all = new HashMap<>();
        for (DatasetId id : ids) {
            all.put(id, copies(id));
        }
        return all;
    }

    /** Copies a crash may have left half done: every WRITING copy and every RELEASED copy not yet purged. */
    List<DatasetCopy> unfinished() throws CatalogException;

    /**
     * Records that a copy is about to be written (state WRITING). A released copy on that backend is reused.
     *
     * @throws ConflictException if the dataset already has a writing or verified copy on that backend
     */
    DatasetCopy beginCopy(DatasetId id, String backendId, String keyPrefix, CopyFormat format)
            throws CatalogException;

    /**
     * Records a copy that was found complete and verified without this service writing it (the ingest copy on the
     * hot tier), in one step, so that no crash can leave it WRITING.
     *
     * @throws ConflictException if the dataset already has a copy on that backend
     */
    DatasetCopy adoptVerified(DatasetId id, String backendId, String keyPrefix, Instant verifiedAt)
            throws CatalogException;

    /** WRITING becomes VERIFIED; on a VERIFIED copy (a later audit) only the time changes. */
    DatasetCopy markVerified(DatasetId id, String backendId, Instant verifiedAt) throws CatalogException;

    /**
     * VERIFIED becomes RELEASED, only while at least {@code othersVerified} verified copies on other backends remain
     * (checked in the same transaction, so two releases cannot both pass).
     *
     * @throws ConflictException if fewer would remain, or the copy is not verified
     */
    DatasetCopy release(DatasetId id, String backendId, int othersVerified) throws CatalogException;

    /** Records that a released copy's objects are deleted. */
    DatasetCopy markPurged(DatasetId id, String backendId, Instant purgedAt) throws CatalogException;

    /** Removes the record of a WRITING copy whose partial objects were deleted. */
    void forget(DatasetId id, String backendId) throws CatalogException;

    /** Records a read or recall request, for "days without access" rules. */
    void recordAccess(DatasetId id, Instant when) throws CatalogException;

    /** The last recorded access; empty if never accessed since ingest. */
    Optional<Instant> lastAccess(DatasetId id) throws CatalogException;

    /**
     * Datasets the rule covers that need work, in id order after {@code after}: those with no copy recorded yet, those
     * without a verified copy on one of the rule's required backends, and those with a verified copy on its hot
     * backend that were last used (last access, else registration) at or before its threshold. Datasets that
     * satisfy the rule are not read one by one, so a round over millions of settled datasets is one indexed scan.
     * Added in 2.3.
     *
     * @param after {@code null} to start at the first id
     */
    default List<DatasetId> needingWork(CopyRule rule, DatasetId after, int limit) throws CatalogException {
        throw new CatalogException("This catalogue cannot select datasets by copy rule (catalogue API 2.3)");
    }

    /** How many datasets the rule covers (its scope and exclusions only). Added in 2.3. */
    default long countCovered(CopyRule rule) throws CatalogException {
        throw new CatalogException("This catalogue cannot count datasets by copy rule (catalogue API 2.3)");
    }

    /**
     * Datasets the rule covers with a verified copy on {@code backendId}, least recently used first (ties by id).
     * Added in 2.3.
     */
    default List<DatasetUse> leastRecentlyUsed(CopyRule rule, String backendId, int offset, int limit)
            throws CatalogException {
        throw new CatalogException("This catalogue cannot list datasets by last use (catalogue API 2.3)");
    }

    /**
     * Files of datasets that have at least one verified copy, in the order of (dataset id, path) after the given
     * file, each with its dataset's copies: the expected state a fixity audit walks page by page. Added in 2.3.
     *
     * @param afterDataset {@code null} to start at the first dataset
     * @param afterPath    the last path seen of {@code afterDataset}; {@code null} or empty for none
     */
    default List<CopiedFile> copiedFiles(DatasetId afterDataset, String afterPath, int limit)
            throws CatalogException {
        throw new CatalogException("This catalogue cannot list copied files (catalogue API 2.3)");
    }
}
