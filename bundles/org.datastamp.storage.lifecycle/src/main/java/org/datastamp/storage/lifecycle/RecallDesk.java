package org.datastamp.storage.lifecycle;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.ConflictException;
import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallRequest;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.UnknownIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dataset recall in the manner of ICAT IDS prepareData / getStatus. A request names datasets; those with a verified
 * copy on a tier that needs no recall are online at once. For the others a restore task asks each tape backend once
 * for all their objects (so the library orders them by cartridge), then copies each dataset back to its hot tier
 * as a verified plain copy, so readers of the hot tier's local files (downloads, visualization) find them; a
 * dataset is online only once that copy is verified (a dataset whose hot copy another request is writing waits for
 * it). Requests are journaled ({@link RecallJournal}): after a
 * restart the ticket still answers and unfinished restores start again (the backends forget their own tickets).
 */
final class RecallDesk {

    private static final Logger LOG = LoggerFactory.getLogger(RecallDesk.class);

    /** A request and what its restore task has found so far (in memory only; rebuilt after a restart). */
    private static final class Request {
        final RecallJournal.Entry entry;
        final Map<String, RecallTicket> backendTickets = new ConcurrentHashMap<>();
        final Map<String, String> failures = new ConcurrentHashMap<>();
        volatile boolean restoring;

        Request(RecallJournal.Entry entry) {
            this.entry = entry;
        }
    }

    private final Supplier<Map<String, StorageBackend>> backends;
    private final Catalog catalog;
    private final StorageCopies copies;
    private final StepRunner runner;
    private final Reading reading;
    private final Function<Dataset, Optional<String>> hotTierOf;
    private final ExecutorService restorers;
    private final RecallJournal journal;
    private final Clock clock;
    private final Duration recallWait;
    private final int maxTickets;
    private final Map<String, Request> requests = Collections.synchronizedMap(new LinkedHashMap<>());

    RecallDesk(Supplier<Map<String, StorageBackend>> backends, Catalog catalog, StorageCopies copies,
            StepRunner runner, Reading reading, Function<Dataset, Optional<String>> hotTierOf,
            ExecutorService restorers, RecallJournal journal, Clock clock, Duration recallWait, int maxTickets)
            throws IOException {
        this.backends = backends;
        this.catalog = catalog;
        this.copies = copies;
        this.runner = runner;
        this.reading = reading;
        this.hotTierOf = hotTierOf;
        this.restorers = restorers;
        this.journal = journal;
        this.clock = clock;
        this.recallWait = recallWait;
        this.maxTickets = maxTickets;
        for (RecallJournal.Entry entry : journal.load()) {
            remember(new Request(entry));
        }
    }

    RecallTicket prepare(Collection<String> datasetIds, String requester) throws StorageException {
        if (datasetIds.isEmpty()) {
            throw new StorageException("A recall needs at least one dataset id");
        }
        Map<String, StorageBackend> now = backends.get();
        List<String> ids = new ArrayList<>();
        try {
            for (String text : new LinkedHashSet<>(datasetIds)) {
                ids.add(locate(text, now).id().value()); // refuses unknown datasets before anything is recorded
            }
            Instant created = clock.instant();
            for (String id : ids) {
                copies.recordAccess(new DatasetId(id), created);
            }
            RecallJournal.Entry entry = new RecallJournal.Entry(UUID.randomUUID().toString(),
                    requester == null ? "" : requester, created, List.copyOf(ids));
            journal.write(entry);
            Request request = new Request(entry);
            remember(request);
            start(request);
            return new RecallTicket(entry.ticket());
        } catch (CatalogException e) {
            throw new StorageException("Could not read the catalogue for the recall: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StorageException("Could not journal the recall request: " + e.getMessage(), e);
        }
    }

    /** Starts the restores of journaled requests that are not online yet (after a restart). */
    void resume() {
        List<Request> all;
        synchronized (requests) {
            all = List.copyOf(requests.values());
        }
        for (Request request : all) {
            if (!request.restoring && request.failures.isEmpty()) {
                start(request);
            }
        }
    }

    private void remember(Request request) {
        synchronized (requests) {
            requests.put(request.entry.ticket(), request);
            while (requests.size() > maxTickets) {
                String eldest = requests.keySet().iterator().next();
                requests.remove(eldest);
                journal.delete(eldest);
            }
        }
    }

    private void start(Request request) {
        request.restoring = true;
        try {
            restorers.submit(() -> restore(request));
        } catch (RejectedExecutionException e) {
            request.restoring = false; // stopping: the next start resumes it from the journal
        }
    }

    // --- the restore task

    /** One dataset still to restore: its dataset, the tape copy it comes from and the hot tier it goes to. */
    private record Pending(Dataset dataset, DatasetCopy from, String hotTier) {
    }

    private void restore(Request request) {
        long deadline = System.nanoTime() + recallWait.toNanos();
        try {
            while (true) {
                List<Pending> pending = new ArrayList<>();
                List<String> busy = new ArrayList<>();
                for (String id : request.entry.datasetIds()) {
                    pending(request, new DatasetId(id), busy).ifPresent(pending::add);
                }
                restoreAll(request, pending, busy);
                if (busy.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    busy.forEach(id -> request.failures.put(id, "its copy on the hot tier is still being written"
                            + " after " + recallWait + "; ask again later"));
                    return;
                }
                // another request restores it now, or a crash left it writing and the next round cleans it up
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("Recall {} stopped with the engine; it resumes on the next start", request.entry.ticket());
        } catch (StorageException | CatalogException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.info("Recall {} stopped with the engine; it resumes on the next start", request.entry.ticket());
            } else {
                request.failures.put("", e.getMessage());
                LOG.error("Recall {} failed: {}", request.entry.ticket(), e.toString());
            }
        } finally {
            request.restoring = false;
        }
    }

    /** One recall request per tape backend for all the datasets that come from it, then their copies. */
    private void restoreAll(Request request, List<Pending> pending, List<String> busy) throws StorageException {
        Map<String, List<Pending>> perTape = new LinkedHashMap<>();
        for (Pending p : pending) {
            perTape.computeIfAbsent(p.from().backendId(), b -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Pending>> e : perTape.entrySet()) {
            StorageBackend tape = backend(e.getKey());
            List<String> keys = new ArrayList<>();
            for (Pending p : e.getValue()) {
                keys.addAll(CopyKeys.fileKeys(p.from(), p.dataset()));
            }
            try {
                reading.makeOnline(tape, keys, t -> request.backendTickets.put(e.getKey(), t));
            } catch (StorageException ex) {
                if (Thread.currentThread().isInterrupted()) {
                    throw ex;
                }
                e.getValue().forEach(p -> request.failures.put(p.dataset().id().value(), ex.getMessage()));
                continue;
            }
            for (Pending p : e.getValue()) {
                if (!restoreOne(request, p)) {
                    busy.add(p.dataset().id().value());
                }
            }
        }
    }

    /** What a dataset still needs, or empty when it is online (or failed, recorded in the request). */
    private Optional<Pending> pending(Request request, DatasetId id, List<String> busy)
            throws CatalogException, StorageException {
        Map<String, StorageBackend> now = backends.get();
        Optional<Dataset> found = catalog.find(id, Viewer.system());
        if (found.isEmpty()) {
            request.failures.put(id.value(), "the dataset is no longer recorded");
            return Optional.empty();
        }
        List<DatasetCopy> all = copies.copies(id);
        if (online(found.get(), all, now)) {
            return Optional.empty();
        }
        Optional<String> hot = hotTierOf.apply(found.get());
        if (hot.isEmpty() || !now.containsKey(hot.get()) || now.get(hot.get()) instanceof RecallableBackend) {
            request.failures.put(id.value(), "no hot tier to restore it to is available"
                    + hot.map(h -> " (its policy names " + h + ")").orElse(" (no policy covers it)"));
            return Optional.empty();
        }
        Optional<DatasetCopy> writing = all.stream()
                .filter(c -> c.backendId().equals(hot.get()) && c.state() == CopyState.WRITING).findFirst();
        if (writing.isPresent()) {
            busy.add(id.value());
            return Optional.empty();
        }
        Optional<DatasetCopy> tape = all.stream().filter(c -> c.state() == CopyState.VERIFIED
                && now.get(c.backendId()) instanceof RecallableBackend).findFirst();
        if (tape.isEmpty()) {
            request.failures.put(id.value(), "none of the backends holding its verified copies ("
                    + all.stream().filter(c -> c.state() == CopyState.VERIFIED).map(DatasetCopy::backendId)
                            .toList() + ") is available now");
            return Optional.empty();
        }
        return Optional.of(new Pending(found.get(), tape.get(), hot.get()));
    }

    /** Copies one dataset back; false when another request began the same copy first (then this one waits). */
    private boolean restoreOne(Request request, Pending p) {
        try {
            runner.run(p.dataset(), new Step.Copy(p.from().backendId(), p.hotTier(), CopyFormat.PLAIN));
            LOG.info("Recall {}: dataset {} restored from {} to {}", request.entry.ticket(), p.dataset().id(),
                    p.from().backendId(), p.hotTier());
            return true;
        } catch (ConflictException e) {
            return false;
        } catch (StorageException | CatalogException | IOException | RuntimeException e) {
            request.failures.put(p.dataset().id().value(), e.getMessage());
            LOG.error("Recall {}: dataset {} could not be restored to {}: {}", request.entry.ticket(),
                    p.dataset().id(), p.hotTier(), e.toString());
            return true;
        }
    }

    /** Online means a verified copy on a registered backend that needs no recall. */
    private static boolean online(Dataset dataset, List<DatasetCopy> all, Map<String, StorageBackend> now) {
        List<DatasetCopy> verified = all.stream().filter(c -> c.state() == CopyState.VERIFIED).toList();
        if (verified.isEmpty()) {
            return dataset.lifecycle().online(); // not yet adopted by the engine: the ingest tier holds it
        }
        return verified.stream().anyMatch(c -> now.containsKey(c.backendId())
                && !(now.get(c.backendId()) instanceof RecallableBackend));
    }

    // --- prepare's checks

    private Dataset locate(String text, Map<String, StorageBackend> now) throws StorageException, CatalogException {
        DatasetId id;
        try {
            id = new DatasetId(text);
        } catch (IllegalArgumentException e) {
            throw new UnknownIdException("No dataset '" + text + "': " + e.getMessage());
        }
        Dataset dataset = catalog.find(id, Viewer.system())
                .orElseThrow(() -> new UnknownIdException("No dataset '" + text + "' is recorded"));
        List<DatasetCopy> all = copies.copies(id);
        if (online(dataset, all, now)) {
            return dataset;
        }
        List<String> verified = all.stream().filter(c -> c.state() == CopyState.VERIFIED)
                .map(DatasetCopy::backendId).toList();
        if (verified.isEmpty()) {
            throw new StorageException("Dataset " + id + " has no verified copy the storage service knows of");
        }
        if (verified.stream().noneMatch(b -> now.get(b) instanceof RecallableBackend)) {
            throw new StorageException("Dataset " + id + ": none of the backends holding its verified copies ("
                    + verified + ") is available now");
        }
        return dataset;
    }

    // --- status

    /** The newest requests first, each with its status now (the journal's order is the order they were made in). */
    List<RecallRequest> recent(int limit) throws StorageException {
        List<Request> all;
        synchronized (requests) {
            all = new ArrayList<>(requests.values());
        }
        java.util.Collections.reverse(all);
        List<RecallRequest> list = new ArrayList<>();
        for (Request request : all.subList(0, Math.min(Math.max(0, limit), all.size()))) {
            RecallTicket ticket = new RecallTicket(request.entry.ticket());
            list.add(new RecallRequest(request.entry.created(), request.entry.requester(), status(ticket)));
        }
        return list;
    }

    String requester(RecallTicket ticket) throws StorageException {
        return request(ticket).entry.requester();
    }

    RecallStatus status(RecallTicket ticket) throws StorageException {
        Request request = request(ticket);
        Map<String, StorageBackend> now = backends.get();
        Instant eta = null;
        boolean anyStaging = false;
        Map<String, RecallStatus> perBackend = new LinkedHashMap<>();
        for (Map.Entry<String, RecallTicket> e : Map.copyOf(request.backendTickets).entrySet()) {
            if (now.get(e.getKey()) instanceof RecallableBackend tape) {
                RecallStatus s;
                try {
                    s = tape.recallStatus(e.getValue());
                } catch (StorageException ex) {
                    continue; // the backend forgot it (restarted); the restore task asks again
                }
                perBackend.put(e.getKey(), s);
                anyStaging |= s.state() == RecallState.STAGING || s.state() == RecallState.ONLINE;
                if (s.eta() != null && (eta == null || s.eta().isAfter(eta))) {
                    eta = s.eta();
                }
            }
        }
        int done = 0;
        try {
            for (String id : request.entry.datasetIds()) {
                DatasetId datasetId = new DatasetId(id);
                Optional<Dataset> dataset = catalog.find(datasetId, Viewer.system());
                // Online once its copy records say so and the catalogue's lifecycle, written just after, agrees:
                // whoever is told ONLINE must find the dataset online in the catalogue too
                if (dataset.isPresent() && online(dataset.get(), copies.copies(datasetId), now)
                        && dataset.get().lifecycle().online()) {
                    done++;
                }
            }
        } catch (CatalogException e) {
            throw new StorageException("Could not read the catalogue for recall " + ticket.id() + ": "
                    + e.getMessage(), e);
        }
        int total = request.entry.datasetIds().size();
        List<String> problems = request.failures.entrySet().stream()
                .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + ": " + e.getValue()).sorted().toList();
        RecallState state;
        if (done == total) {
            state = RecallState.ONLINE;
        } else if (!problems.isEmpty() && !request.restoring) {
            state = RecallState.FAILED;
        } else if (anyStaging || done > 0) {
            state = RecallState.STAGING;
        } else {
            state = RecallState.QUEUED;
        }
        String message = state == RecallState.FAILED ? String.join("; ", problems)
                : done + " of " + total + " datasets online"
                        + (perBackend.isEmpty() ? "" : ", recalled from " + String.join(", ", perBackend.keySet()));
        return new RecallStatus(ticket, state, done, total, state == RecallState.ONLINE ? null : eta, message);
    }

    private StorageBackend backend(String id) throws StorageException {
        StorageBackend backend = backends.get().get(id);
        if (backend == null) {
            throw new StorageException("Storage backend " + id + " is not available");
        }
        return backend;
    }

    private Request request(RecallTicket ticket) throws UnknownIdException {
        Request request = requests.get(ticket.id());
        if (request == null) {
            throw new UnknownIdException("No recall request '" + ticket.id() + "' (the most recent " + maxTickets
                    + " requests are kept; ask again)");
        }
        return request;
    }
}
