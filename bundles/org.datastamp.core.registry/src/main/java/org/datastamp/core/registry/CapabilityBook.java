package org.datastamp.core.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.datastamp.core.api.CapabilityInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's bookkeeping, free of OSGi so it can be tested plainly: which capability each service id stands
 * for, the ordered snapshot, and the listeners. Thread-safe. Listeners are called without any lock held (so they
 * may read the book, or block, without deadlocking binds), one call at a time per listener, and never with a
 * snapshot older than one they already received; a listener that falls behind skips straight to the newest.
 */
final class CapabilityBook {

    private static final Logger LOG = LoggerFactory.getLogger(CapabilityBook.class);

    static final Comparator<CapabilityInfo> ORDER = Comparator.comparing(CapabilityInfo::kind)
            .thenComparing(CapabilityInfo::id)
            .thenComparing(CapabilityInfo::bundle)
            .thenComparing(CapabilityInfo::bundleVersion);

    /** A snapshot and its position in the sequence of changes. */
    private record Version(long number, List<CapabilityInfo> capabilities) {
    }

    private final Object lock = new Object();
    private final Map<Long, CapabilityInfo> byServiceId = new HashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile Version current = new Version(0, List.of());

    /** Records the capability offered by service {@code serviceId} and notifies listeners. */
    void add(long serviceId, CapabilityInfo info) {
        Objects.requireNonNull(info, "info");
        Version changed;
        synchronized (lock) {
            byServiceId.put(serviceId, info);
            changed = publish();
        }
        notifyListeners(changed);
    }

    /**
     * Forgets service {@code serviceId}; listeners hear of it only if it was known.
     *
     * @return what the service offered, if it was known
     */
    Optional<CapabilityInfo> remove(long serviceId) {
        Version changed;
        CapabilityInfo removed;
        synchronized (lock) {
            removed = byServiceId.remove(serviceId);
            if (removed == null) {
                return Optional.empty();
            }
            changed = publish();
        }
        notifyListeners(changed);
        return Optional.of(removed);
    }

    /** All capabilities now, ordered by kind then id. */
    List<CapabilityInfo> snapshot() {
        return current.capabilities();
    }

    /** Calls {@code listener} after every change until the returned handle is closed. */
    AutoCloseable listen(Consumer<List<CapabilityInfo>> listener) {
        Subscription subscription = new Subscription(Objects.requireNonNull(listener, "listener"));
        subscriptions.add(subscription);
        return subscription;
    }

    private Version publish() {
        List<CapabilityInfo> sorted = new ArrayList<>(byServiceId.values());
        sorted.sort(ORDER);
        current = new Version(current.number() + 1, List.copyOf(sorted));
        return current;
    }

    private void notifyListeners(Version changed) {
        for (Subscription s : subscriptions) {
            s.offer(changed);
        }
    }

    /**
     * One listener's delivery queue of length one: whoever finds it idle delivers until nothing newer is pending,
     * so calls are serial and in order without holding a lock during the call.
     */
    private final class Subscription implements AutoCloseable {
        private final Consumer<List<CapabilityInfo>> listener;
        private final AtomicReference<Version> pending = new AtomicReference<>();
        private final AtomicBoolean delivering = new AtomicBoolean();
        private long delivered;
        private volatile boolean closed;

        Subscription(Consumer<List<CapabilityInfo>> listener) {
            this.listener = listener;
        }

        void offer(Version version) {
            pending.accumulateAndGet(version, (old, offered) -> old == null || offered.number() > old.number()
                    ? offered : old);
            while (pending.get() != null && delivering.compareAndSet(false, true)) {
                try {
                    Version next;
                    while (!closed && (next = pending.getAndSet(null)) != null) {
                        if (next.number() > delivered) {
                            delivered = next.number();
                            call(next.capabilities());
                        }
                    }
                } finally {
                    delivering.set(false);
                }
            }
        }

        private void call(List<CapabilityInfo> snapshot) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                // One broken listener (a UI session gone bad) must not stop the others hearing of the change.
                LOG.warn("Capability listener {} failed; it stays subscribed: {}", listener, e.toString(), e);
            }
        }

        @Override
        public void close() {
            closed = true;
            subscriptions.remove(this);
        }
    }
}
