package org.datastamp.storage.fixity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.datastamp.storage.api.AuditEvent;
import org.datastamp.storage.api.AuditQuery;
import org.datastamp.storage.api.AuditSummary;
import org.datastamp.storage.api.Checksums;
import org.datastamp.storage.api.ExpectedCopies;
import org.datastamp.storage.api.ExpectedObject;
import org.datastamp.storage.api.FixityService;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixity without a framework: checksums while storing, audits of one object or of all, page by page at the
 * configured rates, and the audit log. A full pass remembers the last key it finished in a small cursor file, so a
 * restart continues the pass instead of starting over.
 */
final class FixityEngine implements FixityService {

    private static final Logger LOG = LoggerFactory.getLogger(FixityEngine.class);

    private final Supplier<ExpectedCopies> expected;
    private final CopyAuditor auditor;
    private final AuditLog log;
    private final Throttle objectRate;
    private final Path cursorFile;
    private final int pageSize;
    private final Clock clock;
    private final Object passLock = new Object();

    /**
     * @param tiers      backend by capability id, {@code null} if not available now
     * @param expected   the current provider of expected copies, {@code null} if there is none
     * @param bandwidth  bytes per second for audit reads and repairs
     * @param objectRate objects per second for audits
     * @param stateDir   folder for the pass cursor
     */
    FixityEngine(Function<String, StorageBackend> tiers, Supplier<ExpectedCopies> expected, AuditLog log,
            Throttle bandwidth, Throttle objectRate, Path stateDir, int pageSize, Clock clock, boolean repair) {
        this.expected = Objects.requireNonNull(expected, "expected");
        this.log = Objects.requireNonNull(log, "log");
        this.objectRate = Objects.requireNonNull(objectRate, "objectRate");
        this.cursorFile = stateDir.resolve("audit-cursor");
        this.pageSize = pageSize;
        this.clock = clock;
        this.auditor = new CopyAuditor(tiers, log, bandwidth, clock, repair);
    }

    @Override
    public Checksums putWithChecksums(StorageBackend backend, String key, InputStream content)
            throws StorageException {
        DigestingInputStream digesting = new DigestingInputStream(content, Throttle.unlimited());
        backend.put(key, digesting);
        try {
            return digesting.checksums();
        } catch (IllegalStateException e) {
            throw new StorageException("Tier '" + backend.capabilityId() + "' stored '" + key + "' without reading"
                    + " its content to the end; no checksums", e);
        }
    }

    @Override
    public Checksums checksum(StorageBackend backend, String key) throws StorageException {
        try (DigestingInputStream in = new DigestingInputStream(backend.get(key), Throttle.unlimited())) {
            in.readToEnd();
            return in.checksums();
        } catch (IOException e) {
            throw new StorageException("Could not read '" + key + "' from tier '" + backend.capabilityId() + "': "
                    + e.getMessage(), e);
        }
    }

    @Override
    public AuditSummary audit(String key) throws StorageException {
        ExpectedCopies copies = provider();
        ExpectedObject object = copies.find(key);
        if (object == null) {
            throw new StorageException("No record of '" + key + "': the expected copies know no such object");
        }
        List<AuditEvent> events = new ArrayList<>();
        AuditSummary summary = auditor.audit(object, events);
        log.sync();
        copies.audited(object, events);
        return summary;
    }

    @Override
    public AuditSummary auditAll() throws StorageException {
        synchronized (passLock) {
            ExpectedCopies copies = provider();
            Instant now = clock.instant();
            AuditSummary total = new AuditSummary(now, now, 0, 0, 0, 0, 0, 0, 0);
            String after = readCursor();
            List<Map.Entry<ExpectedObject, List<AuditEvent>>> audited = new ArrayList<>();
            if (after != null) {
                LOG.info("Continuing the fixity audit after '{}'", after);
            }
            for (List<ExpectedObject> page = copies.page(after, pageSize); !page.isEmpty();
                    page = copies.page(after, pageSize)) {
                for (ExpectedObject object : page) {
                    try {
                        objectRate.acquire(1);
                    } catch (InterruptedIOException e) {
                        throw new StorageException("Fixity audit interrupted after '" + after + "'", e);
                    }
                    List<AuditEvent> events = new ArrayList<>();
                    total = AuditSummaries.plus(total, auditor.audit(object, events));
                    audited.add(Map.entry(object, events));
                    after = object.key();
                }
                log.sync();
                // told only once the page's log lines are on the device
                for (Map.Entry<ExpectedObject, List<AuditEvent>> e : audited) {
                    copies.audited(e.getKey(), e.getValue());
                }
                audited.clear();
                writeCursor(after);
            }
            clearCursor();
            LOG.info("Fixity audit: {} objects, {} copies, {} bytes read: {} ok, {} repaired, {} failed, {}"
                    + " unreadable", total.objects(), total.copies(), total.bytesRead(), total.ok(), total.repaired(),
                    total.failed(), total.unreadable());
            return total;
        }
    }

    @Override
    public List<AuditEvent> auditLog(AuditQuery query) throws StorageException {
        return log.query(query);
    }

    private ExpectedCopies provider() throws StorageException {
        ExpectedCopies copies = expected.get();
        if (copies == null) {
            throw new StorageException("No expected-copies provider is registered (the lifecycle engine provides"
                    + " one); nothing to audit against");
        }
        return copies;
    }

    private String readCursor() throws StorageException {
        try {
            return Files.exists(cursorFile) ? Files.readString(cursorFile, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new StorageException("Could not read the audit cursor " + cursorFile + ": " + e, e);
        }
    }

    /** Written beside and moved into place, so a crash leaves the old cursor or the new one. */
    private void writeCursor(String key) throws StorageException {
        try {
            Files.createDirectories(cursorFile.getParent());
            Path temp = cursorFile.resolveSibling(cursorFile.getFileName() + ".tmp");
            Files.writeString(temp, key, StandardCharsets.UTF_8);
            Files.move(temp, cursorFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StorageException("Could not write the audit cursor " + cursorFile + ": " + e, e);
        }
    }

    private void clearCursor() throws StorageException {
        try {
            Files.deleteIfExists(cursorFile);
        } catch (IOException e) {
            throw new StorageException("Could not remove the audit cursor " + cursorFile + ": " + e, e);
        }
    }
}
