package org.datastamp.visualization.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.storage.api.LocalFileBackend;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.visualization.api.FileLocation;
import org.junit.jupiter.api.Test;

class TierFileLocatorTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:30:00Z");

    /** Calls made to the fake tiers, e.g. {@code tape.requestRecall}. */
    private final List<String> calls = new ArrayList<>();

    private StorageBackend tape(boolean online) {
        return (StorageBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RecallableBackend.class, LocalFileBackend.class}, (proxy, method, args) -> {
                    calls.add("tape." + method.getName());
                    return switch (method.getName()) {
                        case "capabilityId" -> "tape";
                        case "isOnline" -> online;
                        case "localFile" -> Path.of("/tape-cache", (String) args[0]);
                        case "requestRecall" -> new RecallTicket("r-1");
                        case "recallStatus" -> new RecallStatus((RecallTicket) args[0], RecallState.QUEUED, 0, 1, null,
                                "waiting for a drive");
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    private StorageBackend hot() {
        return (StorageBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {LocalFileBackend.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "capabilityId" -> "hot-disk";
                    case "localFile" -> Path.of("/hot", (String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static Dataset dataset(String... tiers) {
        NewDataset content = new NewDataset("scan", DatasetType.RAW, "SimBeamline", "s", "raw/ds", T0, T0, List.of(),
                List.of(), "", "P-1", "", "", "SAXS", List.of(), List.of());
        return new Dataset(new DatasetId("ds-1"), T0, content, new Lifecycle(true, true, List.of(tiers)),
                new DatasetAccess("P-1", "SimBeamline", T0), "");
    }

    @Test
    void readableNowPassesOverAnOfflineTierWithoutRecallingAndUsesTheNextOne() throws Exception {
        TierFileLocator locator = new TierFileLocator(() -> List.of(tape(false), hot()));
        assertEquals(Optional.of(Path.of("/hot/raw/ds/f.nxs")), locator.readableNow(dataset("tape", "hot-disk"),
                "f.nxs"));
        assertEquals(Optional.empty(), locator.readableNow(dataset("tape"), "f.nxs"));
        assertEquals(false, calls.contains("tape.requestRecall"), "no recall requested: " + calls);
        assertEquals(false, calls.contains("tape.localFile"), "an offline file is not asked for: " + calls);
    }

    @Test
    void readableNowReadsAnOnlineTapeFileInPlace() throws Exception {
        TierFileLocator locator = new TierFileLocator(() -> List.of(tape(true)));
        assertEquals(Optional.of(Path.of("/tape-cache/raw/ds/f.nxs")), locator.readableNow(dataset("tape"),
                "f.nxs"));
    }

    @Test
    void locateStillRecallsAFileOnlyOnTape() throws Exception {
        TierFileLocator locator = new TierFileLocator(() -> List.of(tape(false)));
        FileLocation.Recalling recalling = assertInstanceOf(FileLocation.Recalling.class,
                locator.locate(dataset("tape"), "f.nxs"));
        assertEquals("r-1", recalling.status().ticket().id());
        assertEquals(true, calls.contains("tape.requestRecall"));
    }
}
