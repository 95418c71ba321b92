package org.datastamp.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.datastamp.core.api.CapabilityInfo;
import org.datastamp.core.api.CapabilityKind;
import org.datastamp.core.api.CapabilityState;
import org.junit.jupiter.api.Test;

class CapabilityBookTest {

    private static CapabilityInfo info(CapabilityKind kind, String id) {
        return new CapabilityInfo(kind, id, id + " name", "org.example." + id, "1.0.0", CapabilityState.ACTIVE);
    }

    @Test
    void snapshotIsOrderedByKindThenId() {
        CapabilityBook book = new CapabilityBook();
        book.add(1, info(CapabilityKind.STORAGE, "hot-disk"));
        book.add(2, info(CapabilityKind.DETECTOR, "simulated-detector"));
        book.add(3, info(CapabilityKind.DETECTOR, "example-detector"));
        book.add(4, info(CapabilityKind.CATALOG, "embedded-catalog"));

        assertEquals(List.of("DETECTOR/example-detector", "DETECTOR/simulated-detector", "STORAGE/hot-disk",
                "CATALOG/embedded-catalog"),
                book.snapshot().stream().map(c -> c.kind() + "/" + c.id()).toList());
    }

    @Test
    void listenersHearArrivalsAndDeparturesWithFreshSnapshotsUntilClosed() throws Exception {
        CapabilityBook book = new CapabilityBook();
        List<List<CapabilityInfo>> heard = new ArrayList<>();
        AutoCloseable handle = book.listen(heard::add);

        book.add(7, info(CapabilityKind.DETECTOR, "a"));
        book.add(8, info(CapabilityKind.DETECTOR, "b"));
        assertEquals("a", book.remove(7).orElseThrow().id());
        handle.close();
        book.add(9, info(CapabilityKind.DETECTOR, "c"));

        assertEquals(3, heard.size());
        assertEquals(List.of("a"), heard.get(0).stream().map(CapabilityInfo::id).toList());
        assertEquals(List.of("a", "b"), heard.get(1).stream().map(CapabilityInfo::id).toList());
        assertEquals(List.of("b"), heard.get(2).stream().map(CapabilityInfo::id).toList());
    }

    @Test
    void removingAnUnknownServiceChangesNothingAndNotifiesNobody() {
        CapabilityBook book = new CapabilityBook();
        AtomicInteger calls = new AtomicInteger();
        book.listen(s -> calls.incrementAndGet());

        assertTrue(book.remove(42).isEmpty());
        assertEquals(0, calls.get());
    }

    @Test
    void aListenerIsCalledWithoutLocksSoItMayWaitForAnotherThreadUsingTheBook() throws Exception {
        CapabilityBook book = new CapabilityBook();
        AtomicReference<List<CapabilityInfo>> seenByOtherThread = new AtomicReference<>();
        book.listen(snapshot -> {
            if (snapshot.size() == 1) {
                // Blocks until another thread has read and changed the book: would deadlock if a lock were held.
                Thread other = new Thread(() -> {
                    seenByOtherThread.set(book.snapshot());
                    book.add(2, info(CapabilityKind.VISUALIZER, "image"));
                });
                other.start();
                try {
                    other.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        book.add(1, info(CapabilityKind.DETECTOR, "a"));

        assertEquals(1, seenByOtherThread.get().size());
        assertEquals(2, book.snapshot().size());
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        CapabilityBook book = new CapabilityBook();
        List<Integer> sizes = new ArrayList<>();
        book.listen(s -> {
            throw new IllegalStateException("broken UI session");
        });
        book.listen(s -> sizes.add(s.size()));

        book.add(1, info(CapabilityKind.DETECTOR, "a"));

        assertEquals(List.of(1), sizes);
    }

    @Test
    void underConcurrentChangesListenersEndOnTheFinalStateAndNeverGoBackwards() throws Exception {
        CapabilityBook book = new CapabilityBook();
        List<Integer> sizesSeen = new CopyOnWriteArrayList<>();
        AtomicInteger concurrentCalls = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicReference<List<CapabilityInfo>> last = new AtomicReference<>();
        book.listen(snapshot -> {
            if (concurrentCalls.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            sizesSeen.add(snapshot.size());
            last.set(snapshot);
            concurrentCalls.decrementAndGet();
        });
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * perThread;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                    book.add(base + i, info(CapabilityKind.DETECTOR, "d" + (base + i)));
                }
                for (int i = 0; i < perThread; i += 2) {
                    book.remove(base + i);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(threads * perThread / 2, book.snapshot().size());
        assertEquals(book.snapshot(), last.get(), "the last notification carries the final state");
        assertEquals(0, overlaps.get(), "a listener is never called concurrently with itself");
    }
}
