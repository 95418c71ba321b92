package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.storage.api.AuditEvent;
import org.datastamp.storage.api.AuditOutcome;
import org.datastamp.storage.api.ExpectedObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogExpectedCopiesTest {

    @TempDir
    java.nio.file.Path dir;

    Fixture f;
    CatalogExpectedCopies expected;

    @BeforeEach
    void open() throws Exception {
        f = new Fixture(dir);
        expected = new CatalogExpectedCopies(f.catalog, f.copies, f.clock);
        f.policy(Map.of("name", "two", "keepCopyOn", "tape", "minVerifiedCopies", "2", "distinctMedia", "true"));
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private List<ExpectedObject> all(int pageSize) throws Exception {
        List<ExpectedObject> objects = new ArrayList<>();
        String after = null;
        for (List<ExpectedObject> page = expected.page(after, pageSize); !page.isEmpty();
                page = expected.page(after, pageSize)) {
            objects.addAll(page);
            after = page.get(page.size() - 1).key();
        }
        return objects;
    }

    private DatasetCopy copyOn(Dataset d, String backend) throws Exception {
        return f.copies.copies(d.id()).stream().filter(c -> c.backendId().equals(backend)).findFirst()
                .orElseThrow();
    }

    @Test
    void everyFileIsExpectedOnEachVerifiedCopyUnderThatCopysOwnKey() throws Exception {
        Dataset a = f.dataset("scan-a", "CoSAXS", 3, 1000);
        Dataset b = f.dataset("scan-b", "CoSAXS", 2, 1000);
        f.dataset("scan-c", "CoSAXS", 1, 1000);
        assertEquals(List.of(), all(2), "nothing is expected before the engine has verified a copy");

        f.engine.migrateNow();
        List<ExpectedObject> objects = all(2);

        assertEquals(6, objects.size(), "every file once, across pages of 2");
        ExpectedObject first = objects.stream().filter(o -> o.key().equals(a.id() + "/scan-a.nxs")).findFirst()
                .orElseThrow();
        assertEquals(Set.of("hot-disk", "tape"), first.backendIds());
        assertEquals("raw/2026/scan-a/scan-a.nxs", first.keyOn("hot-disk"));
        DatasetCopy tape = copyOn(a, "tape");
        assertEquals(CopyFormat.OCFL, tape.format());
        assertEquals(tape.keyPrefix() + "/v1/content/data/scan-a.nxs", first.keyOn("tape"));
        assertEquals(a.content().files().get(0).checksum(), first.checksums().sha256());
        assertEquals(first, expected.find(first.key()));
        assertTrue(objects.stream().anyMatch(o -> o.key().startsWith(b.id() + "/")));
    }

    @Test
    void aCopyIsVerifiedNowOnceEveryFileWasFoundGoodOrRepaired() throws Exception {
        Dataset a = f.dataset("scan-a", "CoSAXS", 2, 1000);
        f.engine.migrateNow();
        Instant copied = copyOn(a, "tape").verifiedAt();
        f.clock.advance(Duration.ofDays(7));
        List<ExpectedObject> objects = all(10);

        ExpectedObject one = objects.get(0);
        expected.audited(one, List.of(event(one, "hot-disk", AuditOutcome.OK), event(one, "tape",
                AuditOutcome.CORRUPT), event(one, "tape", AuditOutcome.REPAIRED)));
        assertEquals(copied, copyOn(a, "tape").verifiedAt(), "one file of two audited: the copy is not verified yet");
        ExpectedObject two = objects.get(1);
        expected.audited(two, List.of(event(two, "hot-disk", AuditOutcome.UNREADABLE), event(two, "tape",
                AuditOutcome.OK)));

        assertEquals(f.clock.instant(), copyOn(a, "tape").verifiedAt(), "both files good on tape (one repaired)");
        assertTrue(copyOn(a, "hot-disk").verifiedAt().isBefore(f.clock.instant()),
                "a file that could not be read leaves the hot copy's time as it was");
    }

    private AuditEvent event(ExpectedObject o, String backend, AuditOutcome outcome) {
        return new AuditEvent(f.clock.instant(), o.key(), backend, outcome, "");
    }
}
