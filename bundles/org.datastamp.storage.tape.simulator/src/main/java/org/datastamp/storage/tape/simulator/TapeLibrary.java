package org.datastamp.storage.tape.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.ObjectKey;
import org.datastamp.storage.api.ObjectOfflineException;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.StorageException;

/**
 * A simulated tape library: bytes really live in {@code <root>/objects}, the {@link PlacementCatalog} says on which
 * cartridge and position, and time is simulated. A recall is planned at once by the {@link RecallScheduler}; each
 * key becomes online at its planned (scaled) instant on the {@link Clock}, and stays online (in the drive cache)
 * for {@code onlineRetentionSeconds} of simulated time. No threads: states are computed from the clock, so a test
 * with a fixed clock sees exactly what it set up.
 * <p>
 * Model limits: writes go straight to tape and use no drive time; a written object is offline until recalled;
 * drive state and recall tickets are not kept across restarts (the catalogue is).
 */
final class TapeLibrary {

    /** Library settings; times in simulated seconds. */
    record Settings(LibraryModel model, RecallScheduler.Strategy strategy, double realSecondsPerSimulatedSecond,
            double onlineRetentionSeconds) {
    }

    /** Work done so far. */
    record Stats(long mounts, long bytesStreamed, double driveBusySeconds, int cartridgesUsed) {
    }

    private record Recall(List<String> keys, Map<String, Double> readyAt, double firstDriveFree) {
    }

    private final String name;
    private final Path objects;
    private final Settings settings;
    private final Clock clock;
    private final Instant epoch;
    private final PlacementCatalog catalog;
    private final RecallScheduler scheduler;
    private final List<RecallScheduler.Drive> drives;
    private final RecallScheduler.Counters counters = new RecallScheduler.Counters();
    /** Simulated time at which each key is (or will be) in the drive cache. */
    private final Map<String, Double> cachedAt = new HashMap<>();
    private final Map<String, Recall> recalls = new HashMap<>();
    private long nextTicket = 1;

    TapeLibrary(String name, Path root, Settings settings, Clock clock) throws StorageException {
        this.name = Objects.requireNonNull(name, "name");
        if (!(settings.realSecondsPerSimulatedSecond() > 0)) {
            throw new IllegalArgumentException("The time scale must be positive, not "
                    + settings.realSecondsPerSimulatedSecond());
        }
        Path absolute = root.toAbsolutePath().normalize();
        this.objects = absolute.resolve("objects");
        this.settings = settings;
        this.clock = clock;
        this.epoch = clock.instant();
        this.catalog = PlacementCatalog.load(absolute.resolve("catalogue.tsv"), settings.model().cartridgeBytes());
        this.scheduler = new RecallScheduler(settings.model(), settings.strategy());
        this.drives = RecallScheduler.emptyDrives(settings.model().drives());
    }

    synchronized void put(String key, InputStream content) throws StorageException {
        Path target = resolve(key);
        if (catalog.find(key) != null) {
            throw new StorageException("Object '" + key + "' already exists in " + name
                    + "; tape is append-only and stored objects are never replaced");
        }
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
            long size;
            try (var out = Files.newOutputStream(temp)) {
                size = content.transferTo(out);
            }
            Placement placement = catalog.allocate(key, size);
            // A file left by a crash between this move and the catalogue write was never acknowledged: replace it.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            catalog.record(placement);
        } catch (IOException e) {
            throw new StorageException("Could not store '" + key + "' in " + name + ": " + e, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // the put is failing anyway; the hidden file is skipped by list
                }
            }
        }
    }

    synchronized InputStream get(String key) throws StorageException {
        Placement p = placement(key);
        if (!isOnline(key)) {
            RecallTicket ticket = requestRecall(List.of(key));
            throw new ObjectOfflineException(key, ticket, "Object '" + key + "' in " + name + " is on cartridge "
                    + p.cartridge() + " and not online; recall " + ticket.id() + " requested, expected online at "
                    + recallStatus(ticket).eta());
        }
        try {
            return Files.newInputStream(resolve(key));
        } catch (IOException e) {
            throw new StorageException("Could not read '" + key + "' from " + name + ": " + e, e);
        }
    }

    synchronized boolean contains(String key) throws StorageException {
        resolve(key);
        return catalog.find(key) != null;
    }

    synchronized ObjectInfo stat(String key) throws StorageException {
        Placement p = placement(key);
        return new ObjectInfo(key, p.size());
    }

    synchronized List<ObjectInfo> list(String prefix) throws StorageException {
        if (prefix == null || prefix.startsWith("/") || prefix.contains("..")) {
            throw new StorageException(name + ": list prefix '" + prefix + "' must be relative without '..'");
        }
        List<ObjectInfo> found = new ArrayList<>();
        for (Placement p : catalog.all()) {
            if (p.key().startsWith(prefix)) {
                found.add(new ObjectInfo(p.key(), p.size()));
            }
        }
        return found;
    }

    /** Forgets the object; callers delete only once a verified second copy exists. Tape space is not reclaimed. */
    synchronized void delete(String key) throws StorageException {
        placement(key);
        catalog.remove(key);
        cachedAt.remove(key);
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new StorageException("Object '" + key + "' was removed from the " + name + " catalogue but its file"
                    + " could not be deleted: " + e, e);
        }
    }

    synchronized boolean isOnline(String key) throws StorageException {
        placement(key);
        Double at = cachedAt.get(key);
        double now = simNow();
        return at != null && at <= now && now < at + settings.onlineRetentionSeconds();
    }

    synchronized RecallTicket requestRecall(Collection<String> keys) throws StorageException {
        List<Placement> toRead = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            Placement p = placement(key);
            Double at = cachedAt.get(key);
            boolean cachedOrComing = at != null && simNow() < at + settings.onlineRetentionSeconds();
            if (!cachedOrComing) {
                toRead.add(p);
            }
        }
        double now = simNow();
        double firstDriveFree = Math.max(now, drives.stream().mapToDouble(d -> d.freeAt).min().orElse(now));
        cachedAt.putAll(scheduler.schedule(toRead, now, drives, counters));
        Map<String, Double> readyAt = new HashMap<>();
        for (String key : keys) {
            readyAt.put(key, Math.max(cachedAt.get(key), now));
        }
        RecallTicket ticket = new RecallTicket("recall-" + nextTicket++);
        recalls.put(ticket.id(), new Recall(List.copyOf(new LinkedHashSet<>(keys)), readyAt,
                toRead.isEmpty() ? now : firstDriveFree));
        return ticket;
    }

    synchronized RecallStatus recallStatus(RecallTicket ticket) throws StorageException {
        Recall recall = recalls.get(ticket.id());
        if (recall == null) {
            throw new StorageException(name + ": unknown recall ticket '" + ticket.id()
                    + "' (tickets are forgotten when the simulator restarts)");
        }
        double now = simNow();
        int done = 0;
        double last = now;
        for (String key : recall.keys()) {
            double at = recall.readyAt().get(key);
            done += at <= now ? 1 : 0;
            last = Math.max(last, at);
        }
        int total = recall.keys().size();
        RecallState state = done == total ? RecallState.ONLINE
                : now < recall.firstDriveFree() ? RecallState.QUEUED : RecallState.STAGING;
        return new RecallStatus(ticket, state, done, total, real(last),
                done + " of " + total + " objects online in " + name);
    }

    synchronized Stats stats() {
        return new Stats(counters.mounts, counters.bytesStreamed, counters.driveBusySeconds, catalog.cartridgesUsed());
    }

    Path objectsFolder() {
        return objects;
    }

    private Placement placement(String key) throws StorageException {
        resolve(key);
        Placement p = catalog.find(key);
        if (p == null) {
            throw new StorageException("No object '" + key + "' in " + name);
        }
        return p;
    }

    private Path resolve(String key) throws StorageException {
        try {
            return objects.resolve(new ObjectKey(key).value());
        } catch (IllegalArgumentException e) {
            throw new StorageException(name + ": " + e.getMessage(), e);
        }
    }

    private double simNow() {
        Duration elapsed = Duration.between(epoch, clock.instant());
        return (elapsed.getSeconds() + elapsed.getNano() / 1e9) / settings.realSecondsPerSimulatedSecond();
    }

    private Instant real(double simSeconds) {
        return epoch.plusNanos(Math.round(simSeconds * settings.realSecondsPerSimulatedSecond() * 1e9));
    }
}
