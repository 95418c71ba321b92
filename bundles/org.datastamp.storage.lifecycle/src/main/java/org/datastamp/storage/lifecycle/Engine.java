package org.datastamp.storage.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.CopyRule;
import org.datastamp.catalog.api.DatasetUse;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.ArchivalPreparation;
import org.datastamp.storage.api.Capacity;
import org.datastamp.storage.api.CapacityAware;
import org.datastamp.storage.api.MigrationSummary;
import org.datastamp.storage.api.PolicyStatus;
import org.datastamp.storage.api.RecallRequest;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle engine without the framework: a round recovers what a crash left, gives every dataset the policy
 * that matches it most specifically, finds the least recently used datasets to move when a hot tier is too full,
 * and runs each dataset's steps on the worker pool (steps of one dataset in order, datasets in parallel).
 */
final class Engine implements StorageLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    /** Steps one dataset may take in a round (adopt, copies, release), so a bug cannot loop forever. */
    static final int MAX_STEPS_PER_DATASET = 8;

    private static final int PAGE = 1000;

    /** Settings from the component's configuration. */
    record Settings(Path staging, Path recallJournal, Duration recallWait, int maxTickets) {
    }

    /** What a policy did in the last round. */
    private record Stats(int datasets, int pending, Instant lastRound, String lastError) {
    }

    private final Catalog catalog;
    private final StorageCopies copies;
    private final Supplier<Map<String, StorageBackend>> backends;
    private final Supplier<Collection<ConfiguredPolicy>> policies;
    private final ExecutorService workers;
    private final Clock clock;
    private final StepRunner runner;
    private final RecallDesk desk;
    private final Path staging;
    private final Map<String, Stats> stats = new ConcurrentHashMap<>();

    /**
     * @param preparations the services to call before a dataset is archived, as registered now
     * @param restorers    runs recall restores (they wait for tape, so not on {@code workers}, which rounds need)
     */
    Engine(Catalog catalog, StorageCopies copies, Supplier<Map<String, StorageBackend>> backends,
            Supplier<Collection<ConfiguredPolicy>> policies, Supplier<Collection<ArchivalPreparation>> preparations,
            ExecutorService workers, ExecutorService restorers, Settings settings, Clock clock, Faults faults)
            throws IOException {
        this.catalog = catalog;
        this.copies = copies;
        this.backends = backends;
        this.policies = policies;
        this.workers = workers;
        this.clock = clock;
        this.staging = settings.staging();
        Reading reading = new Reading(clock, settings.recallWait());
        this.runner = new StepRunner(backends, preparations, catalog, copies, reading, settings.staging(), clock,
                faults);
        this.desk = new RecallDesk(backends, catalog, copies, runner, reading, this::hotTierOf, restorers,
                new RecallJournal(settings.recallJournal()), clock, settings.recallWait(), settings.maxTickets());
    }

    /** Starts again the restores of recall requests a restart interrupted (once the backends are bound). */
    void resumeRecalls() {
        desk.resume();
    }

    /** The hot tier of the policy that covers a dataset, where a recall restores it. */
    private Optional<String> hotTierOf(Dataset dataset) {
        return validPolicies().stream().filter(p -> p.scope().matches(dataset)).findFirst().map(Policy::hotTier);
    }

    /** Releases what the step runner holds (the OCFL staging repository); called once the workers stopped. */
    void close() {
        runner.close();
    }

    /** Removes staging folders of packages a crash interrupted (none was recorded as a copy yet). */
    void clearStaging() throws IOException {
        Files.createDirectories(staging);
        try (Stream<Path> children = Files.list(staging)) {
            for (Path child : children.toList()) {
                OcflPackager.deleteTree(child);
            }
        }
    }

    @Override
    public synchronized MigrationSummary migrateNow() throws StorageException {
        Instant started = clock.instant();
        List<String> copied = Collections.synchronizedList(new ArrayList<>());
        List<String> released = Collections.synchronizedList(new ArrayList<>());
        List<String> waiting = Collections.synchronizedList(new ArrayList<>());
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        try {
            for (String line : runner.recover()) {
                (line.contains("failed") ? failed : released).add("recovery: " + line);
            }
            List<Policy> valid = validPolicies();
            Map<String, TierInfo> tiers = tiers();
            Map<String, Integer> pending = new ConcurrentHashMap<>();
            Map<String, String> errors = new ConcurrentHashMap<>();
            Map<String, Long> covered = new HashMap<>();
            List<Future<?>> tasks = new ArrayList<>();
            for (Policy policy : valid) {
                CopyRule rule = Rules.of(policy, valid, started);
                covered.put(policy.name(), copies.countCovered(rule));
                Set<DatasetId> evict = evictForSpace(policy, rule);
                Set<DatasetId> submitted = new HashSet<>();
                // only datasets with something to do are read: the catalogue selects them by the policy's rule
                for (DatasetId after = null;;) {
                    List<DatasetId> page = copies.needingWork(rule, after, PAGE);
                    for (DatasetId id : page) {
                        submitted.add(id);
                        tasks.add(workers.submit(() -> handle(policy, valid, id, tiers, evict.contains(id), copied,
                                released, waiting, failed, pending, errors)));
                    }
                    if (page.size() < PAGE) {
                        break;
                    }
                    after = page.get(page.size() - 1);
                }
                for (DatasetId id : evict) {
                    if (!submitted.contains(id)) {
                        tasks.add(workers.submit(() -> handle(policy, valid, id, tiers, true, copied, released,
                                waiting, failed, pending, errors)));
                    }
                }
            }
            for (Future<?> task : tasks) {
                task.get();
            }
            for (Policy policy : valid) {
                stats.put(policy.name(), new Stats((int) Math.min(Integer.MAX_VALUE, covered.getOrDefault(policy.name(), 0L)),
                        pending.getOrDefault(policy.name(), 0), started, errors.getOrDefault(policy.name(),
                                stats.containsKey(policy.name()) ? stats.get(policy.name()).lastError() : "")));
            }
        } catch (CatalogException e) {
            throw new StorageException("The lifecycle round could not read the catalogue: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("The lifecycle round was interrupted (the engine is stopping)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new StorageException("A lifecycle step failed unexpectedly: " + e.getCause(), e.getCause());
        }
        MigrationSummary summary = new MigrationSummary(copied, released, waiting, failed);
        if (!copied.isEmpty() || !released.isEmpty() || !failed.isEmpty()) {
            LOG.info("Lifecycle round: {} copies verified, {} released, {} waiting, {} failed", copied.size(),
                    released.size(), waiting.size(), failed.size());
        }
        return summary;
    }

    private void handle(Policy policy, List<Policy> valid, DatasetId id, Map<String, TierInfo> tiers,
            boolean evict, List<String> copied, List<String> released, List<String> waiting, List<String> failed,
            Map<String, Integer> pending, Map<String, String> errors) {
        try {
            Optional<Dataset> found = catalog.find(id, Viewer.system());
            if (found.isEmpty()) {
                return; // deleted since the query
            }
            Dataset dataset = found.get();
            if (valid.stream().filter(p -> p.scope().matches(dataset)).findFirst().orElse(null) != policy) {
                return; // a more specific policy covers it, and selects it itself if it has work
            }
            Optional<java.time.Instant> lastAccess = copies.lastAccess(id);
            for (int i = 0; i < MAX_STEPS_PER_DATASET; i++) {
                DatasetState state = new DatasetState(dataset, copies.copies(id), lastAccess.orElse(null));
                Optional<Step> step = Planner.next(policy, state, tiers, clock.instant(), evict);
                if (step.isEmpty()) {
                    return;
                }
                if (step.get() instanceof Step.Wait wait) {
                    waiting.add(id + ": " + wait.reason());
                    pending.merge(policy.name(), 1, Integer::sum);
                    return;
                }
                String line = runner.run(dataset, step.get());
                (step.get() instanceof Step.Release ? released : copied).add(line);
            }
        } catch (StorageException | CatalogException | IOException | RuntimeException e) {
            String message = id + ": " + e.getMessage();
            failed.add(message);
            pending.merge(policy.name(), 1, Integer::sum);
            errors.put(policy.name(), message);
            LOG.error("Lifecycle policy {}: dataset {} failed: {}", policy.name(), id, e.toString());
        }
    }

    private List<Policy> validPolicies() {
        return policies.get().stream().map(ConfiguredPolicy::policy).flatMap(Optional::stream)
                .sorted(Comparator.comparing((Policy p) -> -p.scope().specificity()).thenComparing(Policy::name))
                .toList();
    }

    /**
     * When the policy's hot tier is fuller than its threshold: the least recently used datasets with a verified copy
     * there, enough of them that moving them would bring the tier under the threshold.
     */
    private Set<DatasetId> evictForSpace(Policy policy, CopyRule rule) throws CatalogException {
        Set<DatasetId> evict = new HashSet<>();
        if (!policy.moves() || policy.moveAbovePercent() <= 0
                || !(backends.get().get(policy.hotTier()) instanceof CapacityAware hot)) {
            return evict;
        }
        Capacity capacity;
        try {
            capacity = hot.capacity();
        } catch (StorageException e) {
            LOG.warn("Lifecycle policy {}: cannot read how full {} is: {}", policy.name(), policy.hotTier(),
                    e.getMessage());
            return evict;
        }
        long allowed = (long) (capacity.totalBytes() * policy.moveAbovePercent() / 100);
        long excess = capacity.usedBytes() - allowed;
        for (int offset = 0; excess > 0; offset += PAGE) {
            List<DatasetUse> page = copies.leastRecentlyUsed(rule, policy.hotTier(), offset, PAGE);
            for (DatasetUse use : page) {
                if (excess <= 0) {
                    break;
                }
                evict.add(use.id());
                excess -= use.bytes();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (!evict.isEmpty()) {
            LOG.info("Lifecycle policy {}: {} is {} % full (threshold {} %): moving {} least recently used datasets",
                    policy.name(), policy.hotTier(), String.format("%.1f", capacity.percentUsed()),
                    policy.moveAbovePercent(), evict.size());
        }
        return evict;
    }

    private Map<String, TierInfo> tiers() {
        Map<String, TierInfo> tiers = new HashMap<>();
        for (StorageBackend b : backends.get().values()) {
            tiers.put(b.capabilityId(), new TierInfo(b.capabilityId(), b.tier(), b instanceof RecallableBackend));
        }
        return tiers;
    }

    @Override
    public List<PolicyStatus> policies() {
        List<PolicyStatus> all = new ArrayList<>();
        for (ConfiguredPolicy c : policies.get()) {
            Stats s = stats.get(c.name());
            if (c.policy().isEmpty()) {
                all.add(new PolicyStatus(c.name(), false, c.error(), 0, 0, null, ""));
            } else {
                all.add(new PolicyStatus(c.name(), true, c.policy().get().summary(), s == null ? 0 : s.datasets(),
                        s == null ? 0 : s.pending(), s == null ? null : s.lastRound(), s == null ? "" : s.lastError()));
            }
        }
        all.sort(Comparator.comparing(PolicyStatus::name));
        return all;
    }

    @Override
    public RecallTicket prepare(Collection<String> datasetIds, String requester) throws StorageException {
        return desk.prepare(datasetIds, requester);
    }

    @Override
    public RecallStatus status(RecallTicket ticket) throws StorageException {
        return desk.status(ticket);
    }

    @Override
    public String requester(RecallTicket ticket) throws StorageException {
        return desk.requester(ticket);
    }

    @Override
    public List<RecallRequest> recentRecalls(int limit) throws StorageException {
        return desk.recent(limit);
    }
}
