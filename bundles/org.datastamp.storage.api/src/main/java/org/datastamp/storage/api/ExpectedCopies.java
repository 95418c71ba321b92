package org.datastamp.storage.api;

import java.util.List;

/**
 * Where copies of each object should be and what they must contain: the source of truth a fixity audit checks the
 * tiers against. The lifecycle engine provides it from the catalogue (datafile checksums and the tiers recorded per
 * dataset); tests provide a map. Implemented by providers, consumed by the fixity service.
 */
public interface ExpectedCopies {

    /**
     * Up to {@code limit} objects whose key sorts after {@code afterKey}, in key order, so an audit can walk millions
     * of objects page by page and resume after a restart. The order is the provider's (a database may sort by its
     * own columns); {@code afterKey} is always a key this provider returned.
     *
     * @param afterKey {@code null} or empty to start at the first key
     * @param limit    page size, at least 1
     */
    List<ExpectedObject> page(String afterKey, int limit) throws StorageException;

    /** The record of one object, or {@code null} if there is none. */
    ExpectedObject find(String key) throws StorageException;

    /**
     * Told what an audit found for one object (every copy's outcome, and repairs), in the order objects were
     * audited, so the provider can record when each copy was last verified. The default ignores it. Added in 1.3.
     */
    default void audited(ExpectedObject object, List<AuditEvent> events) throws StorageException {
    }
}
