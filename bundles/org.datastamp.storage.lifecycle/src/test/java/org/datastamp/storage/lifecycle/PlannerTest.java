package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.storage.api.StorageTier;
import org.junit.jupiter.api.Test;

class PlannerTest {

    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    static final DatasetId ID = new DatasetId("ds-1");

    static final Map<String, TierInfo> ALL = Map.of(
            "hot-disk", new TierInfo("hot-disk", StorageTier.HOT_DISK, false),
            "tape", new TierInfo("tape", StorageTier.TAPE, true),
            "tape2", new TierInfo("tape2", StorageTier.TAPE, true),
            "s3", new TierInfo("s3", StorageTier.CLOUD, false));

    static Policy policy(String... keyValues) throws InvalidPolicyException {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("name", "p");
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return PolicyParser.parse(p);
    }

    static DatasetState state(Instant lastAccess, DatasetCopy... copies) {
        Dataset d = new Dataset(ID, CREATED, new NewDataset("t", DatasetType.RAW, "CoSAXS", "", "raw/ds-1", CREATED,
                CREATED, List.of(), List.of()), Lifecycle.onHotDisk(), new DatasetAccess("", "CoSAXS", CREATED), "");
        return new DatasetState(d, List.of(copies), lastAccess);
    }

    static DatasetCopy copy(String backend, CopyState state) {
        return new DatasetCopy(ID, backend, "raw/ds-1", CopyFormat.PLAIN, state, state == CopyState.WRITING ? null
                : CREATED, null, CREATED);
    }

    static Optional<Step> next(Policy p, DatasetState s, int daysLater) {
        return Planner.next(p, s, ALL, CREATED.plus(Duration.ofDays(daysLater)), false);
    }

    @Test
    void theIngestCopyIsAdoptedFirst() throws Exception {
        assertEquals(Optional.of(new Step.Adopt("hot-disk")), next(policy("keepCopyOn", "tape"), state(null), 0));
    }

    @Test
    void aKeptCopyIsWrittenFromIngestOnAsAnOcflPackageOffTheHotDisk() throws Exception {
        assertEquals(Optional.of(new Step.Copy("hot-disk", "tape", CopyFormat.OCFL)),
                next(policy("keepCopyOn", "tape"), state(null, copy("hot-disk", CopyState.VERIFIED)), 0));
    }

    @Test
    void theMoveWaitsForItsDaysWithoutAccessCountedFromTheLastAccess() throws Exception {
        Policy p = policy("keepCopyOn", "s3", "moveTo", "tape", "moveAfterDaysWithoutAccess", "30");
        DatasetState copied = state(CREATED.plus(Duration.ofDays(10)), copy("hot-disk", CopyState.VERIFIED),
                copy("s3", CopyState.VERIFIED));
        assertEquals(Optional.empty(), next(p, copied, 39));
        assertEquals(Optional.of(new Step.Copy("hot-disk", "tape", CopyFormat.OCFL)), next(p, copied, 40));
    }

    @Test
    void theHotCopyIsReleasedOnlyWhenEnoughVerifiedCopiesOnDistinctMediaRemain() throws Exception {
        Policy p = policy("keepCopyOn", "tape2", "moveTo", "tape", "moveAfterDaysWithoutAccess", "30");
        DatasetState twoTapes = state(null, copy("hot-disk", CopyState.VERIFIED), copy("tape", CopyState.VERIFIED),
                copy("tape2", CopyState.VERIFIED));
        assertEquals(Optional.of(new Step.Wait("the copy on hot-disk is kept: 1 verified copies on distinct media"
                + " elsewhere, 2 required")), next(p, twoTapes, 31));

        Policy anyMedia = policy("keepCopyOn", "tape2", "moveTo", "tape", "moveAfterDaysWithoutAccess", "30",
                "distinctMedia", "false");
        assertEquals(Optional.of(new Step.Release("hot-disk", 2)), next(anyMedia, twoTapes, 31));
    }

    @Test
    void aCopyBeingWrittenOrAnAbsentBackendMakesTheDatasetWait() throws Exception {
        Policy p = policy("keepCopyOn", "tape");
        assertEquals(Step.Wait.class, next(p, state(null, copy("hot-disk", CopyState.VERIFIED),
                copy("tape", CopyState.WRITING)), 0).orElseThrow().getClass());
        Map<String, TierInfo> noTape = new java.util.HashMap<>(ALL);
        noTape.remove("tape");
        assertEquals(Optional.of(new Step.Wait("backend tape is not available")), Planner.next(p,
                state(null, copy("hot-disk", CopyState.VERIFIED)), noTape, CREATED, false));
    }

    @Test
    void aTapeCopyIsReadOnlyWhenNoDiskOrCloudCopyIsThere() throws Exception {
        Policy p = policy("keepCopyOn", "tape2,s3", "minVerifiedCopies", "1", "packageFormat", "plain");
        List<DatasetCopy> copies = new ArrayList<>(List.of(copy("tape", CopyState.VERIFIED),
                copy("hot-disk", CopyState.RELEASED), copy("s3", CopyState.VERIFIED)));
        assertEquals(Optional.of(new Step.Copy("s3", "tape2", CopyFormat.PLAIN)),
                next(p, state(null, copies.toArray(DatasetCopy[]::new)), 0));
    }
}
