package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.storage.api.MigrationSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A round asks the catalogue only for datasets with work under their policy; settled ones are not read. */
class IncrementalPlanningTest {

    @TempDir
    java.nio.file.Path dir;

    Fixture f;

    @BeforeEach
    void open() throws Exception {
        f = new Fixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private List<DatasetId> needingWork(List<Policy> all, Policy policy) throws Exception {
        return f.copies.needingWork(Rules.of(policy, all, f.clock.instant()), null, 100);
    }

    @Test
    void settledDatasetsAreNotSelectedUntilTheirMoveIsDue() throws Exception {
        f.policy(Map.of("name", "cold", "moveTo", "tape", "moveAfterDaysWithoutAccess", "30",
                "minVerifiedCopies", "1"));
        Policy cold = f.policies.get(0).policy().orElseThrow();
        Dataset a = f.dataset("scan-a", "CoSAXS", 1, 1000);
        Dataset b = f.dataset("scan-b", "CoSAXS", 1, 1000);

        assertEquals(java.util.Set.of(a.id(), b.id()), java.util.Set.copyOf(needingWork(List.of(cold), cold)),
                "new datasets need adopting");
        f.engine.migrateNow();
        assertEquals(List.of(), needingWork(List.of(cold), cold), "adopted and not due: nothing to read");

        f.clock.advance(Duration.ofDays(20));
        f.copies.recordAccess(b.id(), f.clock.instant());
        f.clock.advance(Duration.ofDays(11));
        assertEquals(List.of(a.id()), needingWork(List.of(cold), cold), "b was accessed 11 days ago");

        MigrationSummary moved = f.engine.migrateNow();
        assertEquals(List.of(a.id() + " -> tape"), moved.copied());
        assertEquals(List.of(), needingWork(List.of(cold), cold), "a is on tape and released from hot disk");
    }

    @Test
    void aDatasetUnderAMoreSpecificPolicyIsSelectedOnlyByThatPolicy() throws Exception {
        f.policy(Map.of("name", "default", "keepCopyOn", "tape", "minVerifiedCopies", "1"));
        f.policy(Map.of("name", "cosaxs", "scope", "instrument:CoSAXS", "minVerifiedCopies", "1"));
        Policy all = f.policies.get(0).policy().orElseThrow();
        Policy cosaxs = f.policies.get(1).policy().orElseThrow();
        Dataset saxs = f.dataset("scan-s", "CoSAXS", 1, 1000);
        Dataset other = f.dataset("scan-o", "NanoMAX", 1, 1000);

        f.engine.migrateNow();

        assertEquals(List.of(), needingWork(List.of(cosaxs, all), all), "the default policy's copy to tape is made"
                + " for NanoMAX and not asked for CoSAXS");
        assertEquals(List.of(), needingWork(List.of(cosaxs, all), cosaxs));
        assertEquals("[hot-disk]", f.catalog.find(saxs.id(), org.datastamp.catalog.api.Viewer.system())
                .orElseThrow().lifecycle().tiers().toString());
        assertEquals(2, f.catalog.find(other.id(), org.datastamp.catalog.api.Viewer.system()).orElseThrow()
                .lifecycle().tiers().size());
    }
}
