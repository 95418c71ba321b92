package org.datastamp.storage.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.UnknownIdException;

/**
 * Dataset recall in the manner of ICAT IDS prepareData / getStatus. A request names datasets; those with a verified
 * copy on a tier that needs no recall are online at once; for the others, all their objects on each tape backend go
 * in one recall request, so the library orders them by cartridge. Tickets are kept in memory (the most recent
 * {@code maxTickets}); the backends forget theirs on restart too, and a client then asks again.
 */
final class RecallDesk {

    /** One dataset of a request and where it is read from. */
    private record Item(DatasetId id, String backendId, List<String> keys) {
    }

    private record Request(String requester, Instant created, List<Item> items,
            Map<String, RecallTicket> backendTickets) {
    }

    private final Supplier<Map<String, StorageBackend>> backends;
    private final Catalog catalog;
    private final StorageCopies copies;
    private final Clock clock;
    private final Map<String, Request> requests;

    RecallDesk(Supplier<Map<String, StorageBackend>> backends, Catalog catalog, StorageCopies copies, Clock clock,
            int maxTickets) {
        this.backends = backends;
        this.catalog = catalog;
        this.copies = copies;
        this.clock = clock;
        this.requests = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Request> eldest) {
                return size() > maxTickets;
            }
        });
    }

    RecallTicket prepare(Collection<String> datasetIds, String requester) throws StorageException {
        if (datasetIds.isEmpty()) {
            throw new StorageException("A recall needs at least one dataset id");
        }
        Map<String, StorageBackend> now = backends.get();
        List<Item> items = new ArrayList<>();
        Map<String, List<String>> keysPerBackend = new LinkedHashMap<>();
        try {
            for (String text : new LinkedHashSet<>(datasetIds)) {
                Item item = locate(text, now);
                items.add(item);
                if (!item.keys().isEmpty()) {
                    keysPerBackend.computeIfAbsent(item.backendId(), b -> new ArrayList<>()).addAll(item.keys());
                }
            }
            Map<String, RecallTicket> tickets = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : keysPerBackend.entrySet()) {
                RecallableBackend tape = (RecallableBackend) now.get(e.getKey());
                tickets.put(e.getKey(), tape.requestRecall(e.getValue()));
            }
            for (Item item : items) {
                copies.recordAccess(item.id(), clock.instant());
            }
            RecallTicket ticket = new RecallTicket(UUID.randomUUID().toString());
            requests.put(ticket.id(), new Request(requester == null ? "" : requester, clock.instant(), items,
                    tickets));
            return ticket;
        } catch (CatalogException e) {
            throw new StorageException("Could not read the catalogue for the recall: " + e.getMessage(), e);
        }
    }

    /** Where to read a dataset from; no keys means it is online already. */
    private Item locate(String text, Map<String, StorageBackend> now) throws StorageException, CatalogException {
        DatasetId id;
        try {
            id = new DatasetId(text);
        } catch (IllegalArgumentException e) {
            throw new UnknownIdException("No dataset '" + text + "': " + e.getMessage());
        }
        Dataset dataset = catalog.find(id, Viewer.system())
                .orElseThrow(() -> new UnknownIdException("No dataset '" + text + "' is recorded"));
        List<DatasetCopy> verified = copies.copies(id).stream().filter(c -> c.state() == CopyState.VERIFIED).toList();
        if (verified.isEmpty()) {
            // not yet adopted by the engine: the ingest tier holds it
            if (dataset.lifecycle().online()) {
                return new Item(id, "", List.of());
            }
            throw new StorageException("Dataset " + id + " has no verified copy the storage service knows of");
        }
        for (DatasetCopy c : verified) {
            StorageBackend b = now.get(c.backendId());
            if (b != null && !(b instanceof RecallableBackend)) {
                return new Item(id, "", List.of());
            }
        }
        for (DatasetCopy c : verified) {
            if (now.get(c.backendId()) instanceof RecallableBackend) {
                return new Item(id, c.backendId(), CopyKeys.fileKeys(c, dataset));
            }
        }
        throw new StorageException("Dataset " + id + ": none of the backends holding its verified copies ("
                + verified.stream().map(DatasetCopy::backendId).toList() + ") is available now");
    }

    String requester(RecallTicket ticket) throws StorageException {
        return request(ticket).requester();
    }

    RecallStatus status(RecallTicket ticket) throws StorageException {
        Request request = request(ticket);
        Map<String, StorageBackend> now = backends.get();
        int done = 0;
        Instant eta = null;
        boolean anyStaging = false;
        List<String> problems = new ArrayList<>();
        Map<String, RecallStatus> perBackend = new LinkedHashMap<>();
        for (Map.Entry<String, RecallTicket> e : request.backendTickets().entrySet()) {
            StorageBackend b = now.get(e.getKey());
            if (!(b instanceof RecallableBackend tape)) {
                problems.add("backend " + e.getKey() + " is not available");
                continue;
            }
            RecallStatus s = tape.recallStatus(e.getValue());
            perBackend.put(e.getKey(), s);
            if (s.state() == RecallState.FAILED) {
                problems.add(e.getKey() + ": " + s.message());
            }
            anyStaging |= s.state() == RecallState.STAGING;
            if (s.eta() != null && (eta == null || s.eta().isAfter(eta))) {
                eta = s.eta();
            }
        }
        for (Item item : request.items()) {
            // The backend's own ticket counts first: in a large recall the first objects can leave a drive cache
            // before the last arrive, so "every key online at once" may never hold.
            RecallStatus fromBackend = perBackend.get(item.backendId());
            if (item.keys().isEmpty() || (fromBackend != null && fromBackend.state() == RecallState.ONLINE)
                    || online(now.get(item.backendId()), item.keys())) {
                done++;
            }
        }
        int total = request.items().size();
        RecallState state;
        if (!problems.isEmpty()) {
            state = RecallState.FAILED;
        } else if (done == total) {
            state = RecallState.ONLINE;
        } else if (anyStaging || done > 0) {
            state = RecallState.STAGING;
        } else {
            state = RecallState.QUEUED;
        }
        String message = !problems.isEmpty() ? String.join("; ", problems)
                : done + " of " + total + " datasets online"
                        + (perBackend.isEmpty() ? "" : ", from " + String.join(", ", perBackend.keySet()));
        return new RecallStatus(ticket, state, done, total, state == RecallState.ONLINE ? null : eta, message);
    }

    private static boolean online(StorageBackend backend, List<String> keys) throws StorageException {
        if (!(backend instanceof RecallableBackend tape)) {
            return false;
        }
        for (String key : keys) {
            if (!tape.isOnline(key)) {
                return false;
            }
        }
        return true;
    }

    private Request request(RecallTicket ticket) throws UnknownIdException {
        Request request = requests.get(ticket.id());
        if (request == null) {
            throw new UnknownIdException("No recall request '" + ticket.id() + "' (tickets are kept until a"
                    + " restart and for the most recent requests only; ask again)");
        }
        return request;
    }
}
