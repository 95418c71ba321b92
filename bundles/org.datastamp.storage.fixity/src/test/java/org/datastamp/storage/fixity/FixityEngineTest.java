package org.datastamp.storage.fixity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.datastamp.storage.api.AuditEvent;
import org.datastamp.storage.api.AuditOutcome;
import org.datastamp.storage.api.AuditQuery;
import org.datastamp.storage.api.AuditSummary;
import org.datastamp.storage.api.Checksums;
import org.datastamp.storage.api.ExpectedCopies;
import org.datastamp.storage.api.ExpectedObject;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;
import org.datastamp.storage.testing.InMemoryExpectedCopies;
import org.datastamp.storage.testing.MemoryBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixityEngineTest {

    @TempDir
    Path dataDir;

    MemoryBackend hot = new MemoryBackend("hot", StorageTier.HOT_DISK);
    MemoryBackend cloud = new MemoryBackend("cloud", StorageTier.CLOUD);
    Map<String, StorageBackend> tiers;
    InMemoryExpectedCopies records = new InMemoryExpectedCopies();
    ExpectedCopies expected = records;
    AuditLog log;
    FixityEngine engine;

    @BeforeEach
    void setUp() {
        tiers = new HashMap<>(Map.of("hot", hot, "cloud", cloud));
        log = new AuditLog(dataDir.resolve("fixity/audit.jsonl"));
        engine = engine(500);
    }

    private FixityEngine engine(int pageSize) {
        return new FixityEngine(tiers::get, () -> expected, log, Throttle.unlimited(), Throttle.unlimited(),
                dataDir.resolve("fixity"), pageSize, Clock.systemUTC(), true);
    }

    /** Stores {@code content} on both tiers with checksums computed while storing, and records the expectation. */
    private byte[] ingest(String key, byte[] content) throws StorageException {
        Checksums sums = engine.putWithChecksums(hot, key, new ByteArrayInputStream(content));
        assertEquals(sums, engine.putWithChecksums(cloud, key, new ByteArrayInputStream(content)));
        records.expect(new ExpectedObject(key, content.length, sums, Set.of("hot", "cloud")));
        return content;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private List<AuditEvent> events(String key) throws StorageException {
        List<AuditEvent> oldestFirst = new ArrayList<>(log.query(new AuditQuery(null, key, Set.of(), 100)));
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static String outcomes(List<AuditEvent> events) {
        return String.join(" ", events.stream().map(e -> e.backendId() + ":" + e.outcome()).toList());
    }

    @Test
    void ingestComputesSha256AndCrc32cWhileStoring() throws Exception {
        Checksums sums = engine.putWithChecksums(hot, "check/123456789.txt",
                new ByteArrayInputStream("123456789".getBytes(StandardCharsets.US_ASCII)));

        assertEquals(new Checksums("15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225", "e3069283"),
                sums);
        assertEquals(sums, engine.checksum(hot, "check/123456789.txt"));
        assertEquals("123456789", new String(hot.peek("check/123456789.txt"), StandardCharsets.US_ASCII));
    }

    @Test
    void aCopyUnderItsOwnKeyOnOneTierIsAuditedAndRepairedFromTheOtherKey() throws Exception {
        byte[] content = random(50_000);
        Checksums sums = engine.putWithChecksums(hot, "raw/p/f.h5", new ByteArrayInputStream(content));
        engine.putWithChecksums(cloud, "ocfl/ab/cd/v1/content/data/f.h5", new ByteArrayInputStream(content));
        records.expect(new ExpectedObject("ds-1/f.h5", content.length, sums, Set.of("hot", "cloud"),
                Map.of("hot", "raw/p/f.h5", "cloud", "ocfl/ab/cd/v1/content/data/f.h5")));
        List<String> told = new ArrayList<>();
        expected = new ExpectedCopies() {
            @Override
            public List<ExpectedObject> page(String afterKey, int limit) {
                return records.page(afterKey, limit);
            }

            @Override
            public ExpectedObject find(String key) {
                return records.find(key);
            }

            @Override
            public void audited(ExpectedObject object, List<AuditEvent> events) {
                told.add(object.key() + " " + outcomes(events));
            }
        };
        cloud.flipBit("ocfl/ab/cd/v1/content/data/f.h5", 100);

        AuditSummary summary = engine.auditAll();

        assertEquals(1, summary.repaired());
        assertArrayEquals(content, cloud.peek("ocfl/ab/cd/v1/content/data/f.h5"));
        assertFalse(cloud.contains("ds-1/f.h5"), "the repair wrote the tier's own key, not the audit name");
        assertEquals(List.of("ds-1/f.h5 cloud:CORRUPT hot:OK cloud:REPAIRED"), told);
        assertEquals("cloud:CORRUPT hot:OK cloud:REPAIRED", outcomes(events("ds-1/f.h5")));
    }

    @Test
    void allGoodCopiesAreLoggedOk() throws Exception {
        ingest("raw/a.h5", random(10_000));

        AuditSummary summary = engine.audit("raw/a.h5");

        assertEquals(2, summary.ok());
        assertEquals(20_000, summary.bytesRead());
        assertEquals("cloud:OK hot:OK", outcomes(events("raw/a.h5")));
    }

    @Test
    void aCorruptCopyIsDetectedAndRepairedFromTheOtherTier() throws Exception {
        byte[] content = ingest("raw/scan-1/frames.h5", random(100_000));
        cloud.flipBit("raw/scan-1/frames.h5", 4242);

        AuditSummary summary = engine.auditAll();

        assertEquals(1, summary.objects());
        assertEquals(1, summary.ok());
        assertEquals(1, summary.repaired());
        assertEquals(0, summary.failed());
        assertArrayEquals(content, cloud.peek("raw/scan-1/frames.h5"));
        List<AuditEvent> events = events("raw/scan-1/frames.h5");
        assertEquals("cloud:CORRUPT hot:OK cloud:REPAIRED", outcomes(events));
        assertTrue(events.get(2).detail().startsWith("rewritten from tier 'hot' and verified"), events.get(2).detail());
    }

    @Test
    void aMissingCopyIsRecreated() throws Exception {
        byte[] content = ingest("raw/b.h5", random(5_000));
        hot.overwrite("raw/b.h5", null);

        AuditSummary summary = engine.audit("raw/b.h5");

        assertEquals(1, summary.repaired());
        assertArrayEquals(content, hot.peek("raw/b.h5"));
        assertEquals("cloud:OK hot:MISSING hot:REPAIRED", outcomes(events("raw/b.h5")));
    }

    @Test
    void withNoGoodCopyNothingIsTouchedAndTheDamageIsReported() throws Exception {
        ingest("raw/c.h5", random(5_000));
        hot.flipBit("raw/c.h5", 1);
        cloud.flipBit("raw/c.h5", 2);
        byte[] hotBefore = hot.peek("raw/c.h5");
        byte[] cloudBefore = cloud.peek("raw/c.h5");

        AuditSummary summary = engine.audit("raw/c.h5");

        assertEquals(0, summary.repaired());
        assertEquals(2, summary.failed());
        assertArrayEquals(hotBefore, hot.peek("raw/c.h5"));
        assertArrayEquals(cloudBefore, cloud.peek("raw/c.h5"));
        List<AuditEvent> events = events("raw/c.h5");
        assertEquals("cloud:CORRUPT hot:CORRUPT cloud:REPAIR_FAILED hot:REPAIR_FAILED", outcomes(events));
        assertTrue(events.get(2).detail().startsWith("no good copy on any tier"), events.get(2).detail());
    }

    @Test
    void aSourceThatRotsDuringTheRepairWritesNoBadCopy() throws Exception {
        byte[] content = ingest("raw/d.h5", random(5_000));
        hot.overwrite("raw/d.h5", null);
        // cloud reads well for the audit, then returns damaged bytes when the repair copies from it
        AtomicInteger reads = new AtomicInteger();
        tiers.put("cloud", new MemoryBackendView(cloud) {
            @Override
            public InputStream get(String key) throws StorageException {
                if (reads.incrementAndGet() == 1) {
                    return super.get(key);
                }
                byte[] damaged = content.clone();
                damaged[10] ^= 1;
                return new ByteArrayInputStream(damaged);
            }
        });

        AuditSummary summary = engine.audit("raw/d.h5");

        assertEquals(1, summary.failed());
        assertNull(hot.peek("raw/d.h5"), "the damaged bytes were not stored");
        List<AuditEvent> events = events("raw/d.h5");
        assertEquals("cloud:OK hot:MISSING hot:REPAIR_FAILED", outcomes(events));
        assertTrue(events.get(2).detail().contains("SHA-256"), events.get(2).detail());
    }

    @Test
    void aTierThatIsNotAvailableIsReportedUnreadableAndNotRepaired() throws Exception {
        ingest("raw/e.h5", random(100));
        tiers.remove("cloud");

        AuditSummary summary = engine.audit("raw/e.h5");

        assertEquals(1, summary.unreadable());
        assertEquals(0, summary.repaired());
        assertEquals("cloud:UNREADABLE hot:OK", outcomes(events("raw/e.h5")));
    }

    @Test
    void theAuditLogIsQueriedNewestFirstByOutcomeAndKey() throws Exception {
        ingest("raw/f.h5", random(100));
        ingest("processed/g.h5", random(100));
        cloud.flipBit("raw/f.h5", 3);
        engine.auditAll();

        List<AuditEvent> repaired = engine.auditLog(new AuditQuery(null, "", Set.of(AuditOutcome.REPAIRED), 10));
        List<AuditEvent> processed = engine.auditLog(new AuditQuery(null, "processed/", Set.of(), 10));

        assertEquals(1, repaired.size());
        assertEquals("raw/f.h5", repaired.get(0).key());
        assertEquals(2, processed.size());
        assertEquals(1, engine.auditLog(AuditQuery.latest(1)).size());
        assertEquals(AuditOutcome.REPAIRED, engine.auditLog(AuditQuery.latest(1)).get(0).outcome(),
                "the newest entry comes first");
        assertTrue(Files.readAllLines(log.file()).get(0).startsWith("{\"time\":\""), "JSON lines");
    }

    @Test
    void aPassThatStopsHalfwayContinuesAfterTheLastFinishedPage() throws Exception {
        for (int i = 1; i <= 5; i++) {
            ingest("raw/obj-" + i, random(10));
        }
        AtomicInteger pages = new AtomicInteger();
        expected = new ExpectedCopies() {
            @Override
            public List<ExpectedObject> page(String afterKey, int limit) {
                if (pages.incrementAndGet() == 2) {
                    throw new IllegalStateException("catalogue connection lost");
                }
                return records.page(afterKey, limit);
            }

            @Override
            public ExpectedObject find(String key) {
                return records.find(key);
            }
        };
        FixityEngine paged = engine(2);

        assertThrows(IllegalStateException.class, paged::auditAll);
        AuditSummary resumed = paged.auditAll();

        assertEquals(3, resumed.objects(), "the two objects of the first page are not audited again");
        assertFalse(Files.exists(dataDir.resolve("fixity/audit-cursor")), "a finished pass clears its cursor");
        assertEquals(5, engine(2).auditAll().objects(), "the next pass starts at the beginning");
    }

    @Test
    void auditingAnUnknownKeyIsAnError() {
        StorageException e = assertThrows(StorageException.class, () -> engine.audit("raw/none"));

        assertEquals("No record of 'raw/none': the expected copies know no such object", e.getMessage());
    }
}
