package org.datastamp.analytics.jupyterhub;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.FileLocation;

/** Datasets, viewers, a catalogue and a file locator for the launcher's tests. */
final class TestData {

    static final Instant T0 = Instant.parse("2026-03-02T09:30:00Z");
    static final Instant NEVER = Instant.parse("2999-01-01T00:00:00Z");

    private TestData() {
    }

    static Dataset dataset(String id, String proposal, String doi, String... files) {
        List<Datafile> datafiles = java.util.Arrays.stream(files)
                .map(f -> new Datafile(f, 1024, "SHA-256", "00", T0)).toList();
        NewDataset content = new NewDataset("Lysozyme SAXS, 20 mg/ml", DatasetType.RAW, "CoSAXS", "lysozyme",
                "raw/2026/" + id, T0, T0.plusSeconds(600), datafiles, List.of(), "", proposal, "", "", "SAXS",
                List.of(), List.of());
        return new Dataset(new DatasetId(id), T0, content, Lifecycle.onHotDisk(),
                new DatasetAccess(proposal, "CoSAXS", NEVER), doi);
    }

    static Viewer member(String username, String proposal) {
        return new Viewer(username, Set.of(proposal), Set.of(), false);
    }

    /** A catalogue holding {@code datasets}, applying the membership part of the access rule. */
    static Catalog catalog(Dataset... datasets) {
        Map<DatasetId, Dataset> byId = new ConcurrentHashMap<>();
        for (Dataset d : datasets) {
            byId.put(d.id(), d);
        }
        return (Catalog) Proxy.newProxyInstance(TestData.class.getClassLoader(), new Class<?>[] {Catalog.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("find") && args.length == 2) {
                        Dataset d = byId.get((DatasetId) args[0]);
                        Viewer v = (Viewer) args[1];
                        boolean visible = d != null && (v.seesEverything()
                                || v.proposals().contains(d.access().proposalId()));
                        return visible ? Optional.of(d) : Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not used by the launcher");
                });
    }

    /**
     * Files on the hot tier under {@code hot}, or being recalled: a path with a recall count answers Recalling that
     * many times, then Readable.
     */
    static final class Locator implements DatasetFileLocator {

        private final Path hot;
        private final Map<String, Deque<RecallState>> recalls = new ConcurrentHashMap<>();
        volatile int calls;

        Locator(Path hot) {
            this.hot = hot;
        }

        Locator recalling(String path, RecallState... states) {
            recalls.put(path, new ArrayDeque<>(List.of(states)));
            return this;
        }

        @Override
        public FileLocation locate(Dataset dataset, String path) {
            calls++;
            Deque<RecallState> pending = recalls.get(path);
            RecallState state = pending == null ? null : pending.poll();
            if (state != null) {
                return new FileLocation.Recalling("tape", new RecallStatus(new RecallTicket("r-7"), state, 0, 1,
                        T0.plus(Duration.ofMinutes(20)), state == RecallState.FAILED ? "cartridge VT0042 unreadable"
                                : "waiting for a drive"));
            }
            return new FileLocation.Readable(hot.resolve(dataset.content().location()).resolve(path));
        }
    }
}
