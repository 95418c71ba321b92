package org.datastamp.storage.lifecycle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.core.api.DataDirectory;
import org.datastamp.storage.api.ArchivalPreparation;
import org.datastamp.storage.api.MigrationSummary;
import org.datastamp.storage.api.PolicyStatus;
import org.datastamp.storage.api.RecallRequest;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageLifecycle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle service as a component: follows storage backends and policies as they come and go, runs a round
 * every {@code intervalSeconds} on its own planner thread with a bounded worker pool, and stops both on deactivation
 * (an interrupted copy is recovered on the next start).
 */
@Component(service = StorageLifecycle.class, configurationPid = LifecycleEngine.PID)
@Designate(ocd = LifecycleEngine.Config.class)
public class LifecycleEngine implements StorageLifecycle {

    static final String PID = "org.datastamp.storage.lifecycle";

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleEngine.class);

    @ObjectClassDefinition(name = "DataSTaMP storage lifecycle engine",
            description = "Runs the lifecycle policies: copies, moves, releases and recalls datasets")
    public @interface Config {

        @AttributeDefinition(description = "Seconds between rounds; 0 runs rounds only on demand"
                + " (datastamp:storage-migrate-now)")
        int intervalSeconds() default 300;

        @AttributeDefinition(description = "Datasets copied at the same time")
        int workers() default 2;

        @AttributeDefinition(description = "Dataset tasks waiting for a worker; beyond it the planner runs them"
                + " itself, which slows planning down instead of queueing without bound")
        int queueCapacity() default 64;

        @AttributeDefinition(description = "Folder where OCFL packages are built; empty means"
                + " <datastamp.data.dir>/lifecycle/staging")
        String stagingDir() default "";

        @AttributeDefinition(description = "Longest wait for a tape recall before a copy step fails (it is tried"
                + " again next round)")
        int recallWaitMinutes() default 240;

        @AttributeDefinition(description = "Recall tickets kept for status requests")
        int maxTickets() default 10_000;

        @AttributeDefinition(description = "Folder where recall requests are journaled, so tickets survive a"
                + " restart; empty means a folder 'recalls' beside the staging folder"
                + " (<datastamp.data.dir>/lifecycle/recalls)")
        String recallJournalDir() default "";

        @AttributeDefinition(description = "Recall requests restored to the hot tier at the same time")
        int recallWorkers() default 2;
    }

    private final Map<String, StorageBackend> backends = new ConcurrentHashMap<>();
    private final Set<ConfiguredPolicy> policies = ConcurrentHashMap.newKeySet();
    private final Set<ArchivalPreparation> preparations = ConcurrentHashMap.newKeySet();

    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService planner;
    private final java.util.concurrent.ExecutorService restorers;
    private final Engine engine;

    @Activate
    public LifecycleEngine(Config config, BundleContext context, @Reference Catalog catalog,
            @Reference StorageCopies copies) throws IOException {
        Path staging = config.stagingDir().isBlank()
                ? DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY)).root()
                        .resolve("lifecycle").resolve("staging")
                : Path.of(config.stagingDir());
        int n = Math.max(1, config.workers());
        AtomicInteger count = new AtomicInteger();
        workers = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.queueCapacity())),
                r -> new Thread(r, "datastamp-lifecycle-worker-" + count.incrementAndGet()),
                new ThreadPoolExecutor.CallerRunsPolicy());
        planner = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "datastamp-lifecycle-planner"));
        AtomicInteger restorerCount = new AtomicInteger();
        restorers = Executors.newFixedThreadPool(Math.max(1, config.recallWorkers()),
                r -> new Thread(r, "datastamp-lifecycle-recall-" + restorerCount.incrementAndGet()));
        Path journal = config.recallJournalDir().isBlank() ? staging.resolveSibling("recalls")
                : Path.of(config.recallJournalDir());
        engine = new Engine(catalog, copies, this::backendsNow, this::policiesNow, () -> List.copyOf(preparations),
                workers, restorers,
                new Engine.Settings(staging, journal, Duration.ofMinutes(Math.max(1, config.recallWaitMinutes())),
                        Math.max(1, config.maxTickets())), Clock.systemUTC(), Faults.NONE);
        engine.clearStaging();
        // The first round runs soon after start: it completes whatever a crash left half done.
        long interval = config.intervalSeconds();
        if (interval > 0) {
            planner.scheduleWithFixedDelay(this::scheduledRound, 5, interval, TimeUnit.SECONDS);
        } else {
            planner.schedule(this::scheduledRound, 5, TimeUnit.SECONDS);
        }
        // journaled recalls resume once the backends and policies are bound (after this constructor) and the first
        // round has recovered what a crash left half written
        planner.schedule(engine::resumeRecalls, 6, TimeUnit.SECONDS);
        LOG.info("Storage lifecycle engine: a round every {} s, {} workers, staging in {}",
                interval > 0 ? interval : "(on demand)", n, staging);
    }

    private void scheduledRound() {
        try {
            engine.migrateNow();
        } catch (StorageException | RuntimeException e) {
            if (planner.isShutdown()) {
                LOG.info("Lifecycle round stopped with the engine; an unfinished copy is recovered on the next start");
                return;
            }
            // the next round tries again; nothing was released without its replacement verified
            LOG.error("Lifecycle round failed: {}", e.getMessage(), e);
        }
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        planner.shutdownNow();
        restorers.shutdownNow();
        workers.shutdownNow();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Lifecycle workers still busy after 30 s; their copies are recovered on the next start");
        }
        planner.awaitTermination(5, TimeUnit.SECONDS);
        restorers.awaitTermination(5, TimeUnit.SECONDS);
        engine.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addBackend(StorageBackend backend) {
        backends.put(backend.capabilityId(), backend);
    }

    public void removeBackend(StorageBackend backend) {
        backends.remove(backend.capabilityId(), backend);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addPolicy(ConfiguredPolicy policy) {
        policies.add(policy);
    }

    public void removePolicy(ConfiguredPolicy policy) {
        policies.remove(policy);
    }

    /** Optional: with no logbook (or other preparation) running, datasets are archived with what the catalogue has. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addPreparation(ArchivalPreparation preparation) {
        preparations.add(preparation);
    }

    public void removePreparation(ArchivalPreparation preparation) {
        preparations.remove(preparation);
    }

    private Map<String, StorageBackend> backendsNow() {
        return Map.copyOf(backends);
    }

    private Collection<ConfiguredPolicy> policiesNow() {
        return List.copyOf(policies);
    }

    @Override
    public RecallTicket prepare(Collection<String> datasetIds, String requester) throws StorageException {
        return engine.prepare(datasetIds, requester);
    }

    @Override
    public RecallStatus status(RecallTicket ticket) throws StorageException {
        return engine.status(ticket);
    }

    @Override
    public String requester(RecallTicket ticket) throws StorageException {
        return engine.requester(ticket);
    }

    @Override
    public List<PolicyStatus> policies() {
        return engine.policies();
    }

    @Override
    public MigrationSummary migrateNow() throws StorageException {
        return engine.migrateNow();
    }

    @Override
    public List<RecallRequest> recentRecalls(int limit) throws StorageException {
        return engine.recentRecalls(limit);
    }
}
