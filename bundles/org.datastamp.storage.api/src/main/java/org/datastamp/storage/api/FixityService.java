package org.datastamp.storage.api;

import java.io.InputStream;
import java.util.List;

/**
 * Checksums at ingest, audits of every copy against the recorded checksums, repair of bad copies from good ones,
 * and the audit log. The expected state comes from an {@link ExpectedCopies} service.
 */
public interface FixityService {

    /**
     * Stores {@code content} on {@code backend} under {@code key}, computing SHA-256 and CRC32C of the bytes while
     * they stream through (one read of the data).
     *
     * @return the digests of what was stored
     */
    Checksums putWithChecksums(StorageBackend backend, String key, InputStream content) throws StorageException;

    /** Reads {@code key} from {@code backend} once and returns its digests. */
    Checksums checksum(StorageBackend backend, String key) throws StorageException;

    /**
     * Audits one object now, on every tier that should hold it, repairing bad copies where a good one exists.
     *
     * @throws StorageException if no expected-copies provider knows the key
     */
    AuditSummary audit(String key) throws StorageException;

    /** Audits every object the expected-copies provider knows, now, at the configured rate; returns when done. */
    AuditSummary auditAll() throws StorageException;

    /** Audit log entries matching {@code query}, newest first. */
    List<AuditEvent> auditLog(AuditQuery query) throws StorageException;
}
