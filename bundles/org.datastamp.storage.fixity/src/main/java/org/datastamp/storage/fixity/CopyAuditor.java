package org.datastamp.storage.fixity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import org.datastamp.storage.api.AuditEvent;
import org.datastamp.storage.api.AuditOutcome;
import org.datastamp.storage.api.AuditSummary;
import org.datastamp.storage.api.Checksums;
import org.datastamp.storage.api.ExpectedObject;
import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.ObjectOfflineException;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;

/**
 * Audits every copy of one object against its recorded size and checksums, and repairs a corrupt or missing copy
 * from a good one: the good copy is streamed through a verifier into the bad copy's tier (a mismatch aborts the
 * write, so bad bytes are never written), then the new copy is read back and checked. Without a good copy nothing
 * is touched and the copies are reported. Every finding and repair goes to the audit log.
 */
final class CopyAuditor {

    /** What the check of one copy found. */
    private record Finding(String backendId, AuditOutcome outcome, String detail, long bytesRead) {
    }

    private final Function<String, StorageBackend> tiers;
    private final AuditLog log;
    private final Throttle bandwidth;
    private final Clock clock;
    private final boolean repair;

    /**
     * @param tiers     the backend with a capability id, or {@code null} if it is not available now
     * @param bandwidth limits the bytes read per second by audits and repairs
     * @param repair    rewrite bad copies from good ones (otherwise only report)
     */
    CopyAuditor(Function<String, StorageBackend> tiers, AuditLog log, Throttle bandwidth, Clock clock,
            boolean repair) {
        this.tiers = Objects.requireNonNull(tiers, "tiers");
        this.log = Objects.requireNonNull(log, "log");
        this.bandwidth = Objects.requireNonNull(bandwidth, "bandwidth");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.repair = repair;
    }

    /**
     * Audits and repairs the object's copies.
     *
     * @param events receives every event written to the audit log for this object, in order
     */
    AuditSummary audit(ExpectedObject object, List<AuditEvent> events) throws StorageException {
        Instant started = clock.instant();
        List<Finding> findings = new ArrayList<>();
        for (String id : new TreeSet<>(object.backendIds())) {
            Finding finding = check(object, id);
            findings.add(finding);
            events.add(record(object, finding.backendId(), finding.outcome(), finding.detail()));
        }
        String good = findings.stream().filter(f -> f.outcome() == AuditOutcome.OK).map(Finding::backendId)
                .findFirst().orElse(null);
        long bytes = findings.stream().mapToLong(Finding::bytesRead).sum();
        long ok = 0;
        long repaired = 0;
        long failed = 0;
        long unreadable = 0;
        for (Finding finding : findings) {
            switch (finding.outcome()) {
                case OK -> ok++;
                case UNREADABLE -> unreadable++;
                default -> {
                    if (!repair) {
                        failed++;
                    } else if (good == null) {
                        events.add(record(object, finding.backendId(), AuditOutcome.REPAIR_FAILED,
                                "no good copy on any tier (" + String.join(", ", new TreeSet<>(object.backendIds())) + "); this copy was left as"
                                + " it is"));
                        failed++;
                    } else if (repair(object, finding, good, events)) {
                        repaired++;
                        bytes += 2 * object.size();
                    } else {
                        failed++;
                    }
                }
            }
        }
        return new AuditSummary(started, clock.instant(), 1, findings.size(), bytes, ok, repaired, failed,
                unreadable);
    }

    private Finding check(ExpectedObject object, String id) throws StorageException {
        StorageBackend tier = tiers.apply(id);
        if (tier == null) {
            return new Finding(id, AuditOutcome.UNREADABLE, "tier '" + id + "' is not available", 0);
        }
        String key = object.keyOn(id);
        try {
            if (!tier.contains(key)) {
                return new Finding(id, AuditOutcome.MISSING, "no copy in tier '" + id + "'", 0);
            }
        } catch (StorageException e) {
            return new Finding(id, AuditOutcome.UNREADABLE, e.getMessage(), 0);
        }
        InputStream in;
        try {
            in = tier.get(key);
        } catch (ObjectOfflineException e) {
            return new Finding(id, AuditOutcome.UNREADABLE, "offline; recall " + e.ticket().id() + " requested", 0);
        } catch (StorageException e) {
            return new Finding(id, AuditOutcome.UNREADABLE, e.getMessage(), 0);
        }
        DigestingInputStream digesting = new DigestingInputStream(in, bandwidth);
        try (digesting) {
            digesting.readToEnd();
        } catch (InterruptedIOException e) {
            // stopping (deactivation) is not damage
            Thread.currentThread().interrupt();
            throw new StorageException("Audit of '" + key + "' interrupted", e);
        } catch (IOException e) {
            // A tier that checks its own checksums (S3) reports damage as a failed read.
            return new Finding(id, AuditOutcome.CORRUPT, "reading failed: " + e.getMessage(), digesting.count());
        }
        Checksums actual = digesting.checksums();
        if (digesting.count() != object.size() || !object.checksums().matchedBy(actual)) {
            return new Finding(id, AuditOutcome.CORRUPT, "size " + digesting.count() + ", SHA-256 " + actual.sha256()
                    + ", CRC32C " + actual.crc32c() + "; recorded: size " + object.size() + ", SHA-256 "
                    + object.checksums().sha256() + ", CRC32C " + object.checksums().crc32c(), digesting.count());
        }
        return new Finding(id, AuditOutcome.OK, "SHA-256 " + actual.sha256(), digesting.count());
    }

    /** Rewrites the bad copy from the good one; logs and returns whether the new copy was verified. */
    private boolean repair(ExpectedObject object, Finding bad, String goodId, List<AuditEvent> events)
            throws StorageException {
        String key = object.keyOn(bad.backendId());
        StorageBackend target = tiers.apply(bad.backendId());
        StorageBackend source = tiers.apply(goodId);
        try {
            if (bad.outcome() == AuditOutcome.CORRUPT) {
                if (!(target instanceof ManagedBackend managed)) {
                    throw new StorageException("tier '" + bad.backendId() + "' cannot delete the corrupt copy");
                }
                // The corrupt bytes are worth nothing and a verified copy exists on another tier: make room.
                managed.delete(key);
            }
            String sourceKey = object.keyOn(goodId);
            String description = "'" + sourceKey + "' from tier '" + goodId + "'";
            try (InputStream verified = new DigestingInputStream(source.get(sourceKey), bandwidth, object.checksums(),
                    object.size(), description)) {
                target.put(key, verified);
            }
            Finding after = check(object, bad.backendId());
            if (after.outcome() != AuditOutcome.OK) {
                throw new StorageException("the rewritten copy does not verify: " + after.detail());
            }
            events.add(record(object, bad.backendId(), AuditOutcome.REPAIRED, "rewritten from tier '" + goodId
                    + "' and verified (" + after.detail() + ")"));
            return true;
        } catch (StorageException | IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new StorageException("Repair of '" + key + "' interrupted", e);
            }
            events.add(record(object, bad.backendId(), AuditOutcome.REPAIR_FAILED, "repair from tier '" + goodId
                    + "' failed: " + e.getMessage()));
            return false;
        }
    }

    private AuditEvent record(ExpectedObject object, String backendId, AuditOutcome outcome, String detail)
            throws StorageException {
        AuditEvent event = new AuditEvent(clock.instant(), object.key(), backendId, outcome, detail);
        log.append(event);
        return event;
    }
}
