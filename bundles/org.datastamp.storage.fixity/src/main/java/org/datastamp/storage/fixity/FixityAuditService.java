package org.datastamp.storage.fixity;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.datastamp.core.api.DataDirectory;
import org.datastamp.storage.api.AuditEvent;
import org.datastamp.storage.api.AuditQuery;
import org.datastamp.storage.api.AuditSummary;
import org.datastamp.storage.api.Checksums;
import org.datastamp.storage.api.ExpectedCopies;
import org.datastamp.storage.api.FixityService;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fixity service: audits every copy of every object the {@link ExpectedCopies} provider knows, on its own
 * schedule and at a limited rate, repairs bad copies, and keeps the audit log under {@code <data dir>/fixity}.
 * Storage tiers are tracked as they come and go; a tier that is gone makes its copies "unreadable", not missing.
 */
@Component(service = FixityService.class, configurationPid = FixityAuditService.PID)
@Designate(ocd = FixityAuditService.Config.class)
public class FixityAuditService implements FixityService {

    static final String PID = "org.datastamp.storage.fixity";

    private static final Logger LOG = LoggerFactory.getLogger(FixityAuditService.class);

    @ObjectClassDefinition(name = "DataSTaMP fixity audits",
            description = "Periodic checksum audits of every copy, repair from good copies, audit log")
    public @interface Config {

        @AttributeDefinition(description = "Hours from the end of one full audit pass to the start of the next;"
                + " 0 = no scheduled audits (on demand only)")
        int auditIntervalHours() default 168;

        @AttributeDefinition(description = "Minutes after start before the first scheduled pass")
        int firstAuditDelayMinutes() default 10;

        @AttributeDefinition(description = "Read rate limit of audits and repairs in MB/s (10^6 bytes); 0 = none")
        double megabytesPerSecond() default 100;

        @AttributeDefinition(description = "Object rate limit of audits per hour; 0 = none")
        double objectsPerHour() default 0;

        @AttributeDefinition(description = "Rewrite corrupt or missing copies from a good copy (otherwise report"
                + " only)")
        boolean repair() default true;

        @AttributeDefinition(description = "Audit log file (JSON lines); empty = <data dir>/fixity/audit.jsonl")
        String auditLog() default "";

        @AttributeDefinition(description = "Objects fetched from the expected-copies provider per page")
        int pageSize() default 500;
    }

    private final Map<String, StorageBackend> tiers = new ConcurrentHashMap<>();
    private volatile ExpectedCopies expected;
    private volatile FixityEngine engine;
    private ScheduledExecutorService scheduler;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTier(StorageBackend tier) {
        tiers.put(tier.capabilityId(), tier);
    }

    void removeTier(StorageBackend tier) {
        tiers.remove(tier.capabilityId(), tier);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setExpectedCopies(ExpectedCopies copies) {
        expected = copies;
    }

    void unsetExpectedCopies(ExpectedCopies copies) {
        if (expected == copies) {
            expected = null;
        }
    }

    @Activate
    void activate(Config config, BundleContext context) {
        Path dir = DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY)).root().resolve("fixity");
        Path logFile = config.auditLog().isBlank() ? dir.resolve("audit.jsonl") : Path.of(config.auditLog());
        engine = new FixityEngine(tiers::get, () -> expected, new AuditLog(logFile),
                Throttle.perSecond(config.megabytesPerSecond() * 1e6), Throttle.perSecond(config.objectsPerHour()
                        / 3600), dir, Math.max(1, config.pageSize()), Clock.systemUTC(), config.repair());
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "fixity-audit"));
        if (config.auditIntervalHours() > 0) {
            scheduler.scheduleWithFixedDelay(this::scheduledPass, config.firstAuditDelayMinutes() * 60L,
                    config.auditIntervalHours() * 3600L, TimeUnit.SECONDS);
        }
        LOG.info("Fixity audits every {} h at {} MB/s and {} objects/h (0 = unlimited), repair {}, log {}",
                config.auditIntervalHours(), config.megabytesPerSecond(), config.objectsPerHour(), config.repair(),
                logFile);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        scheduler.shutdownNow();
        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("The fixity audit did not stop within 30 s");
        }
    }

    /** A failed pass is logged and the schedule goes on: the next pass continues from the cursor. */
    private void scheduledPass() {
        if (expected == null) {
            LOG.info("No expected-copies provider registered; scheduled fixity audit skipped");
            return;
        }
        try {
            engine.auditAll();
        } catch (StorageException | RuntimeException e) {
            LOG.error("Fixity audit pass failed; the next pass continues where it stopped", e);
        }
    }

    @Override
    public Checksums putWithChecksums(StorageBackend backend, String key, InputStream content)
            throws StorageException {
        return engine.putWithChecksums(backend, key, content);
    }

    @Override
    public Checksums checksum(StorageBackend backend, String key) throws StorageException {
        return engine.checksum(backend, key);
    }

    @Override
    public AuditSummary audit(String key) throws StorageException {
        return engine.audit(key);
    }

    @Override
    public AuditSummary auditAll() throws StorageException {
        return engine.auditAll();
    }

    @Override
    public List<AuditEvent> auditLog(AuditQuery query) throws StorageException {
        return engine.auditLog(query);
    }
}
