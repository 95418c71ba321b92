package org.datastamp.analytics.jobs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.AnalysisException.Reason;
import org.datastamp.analytics.api.AnalysisJob;
import org.datastamp.analytics.api.Lineage;
import org.datastamp.analytics.api.LineageEdge;
import org.datastamp.analytics.api.LineageNode;
import org.datastamp.analytics.api.Provenance;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lineage from the catalogue: upwards through each dataset's recorded inputs, downwards through
 * {@link Catalog#derivedFrom}, with the jobs that made the derived datasets. The walk follows the whole graph, also
 * through datasets the viewer may not see (shown by id only), so its shape stays true; titles, jobs and parameters
 * are shown only for what the viewer may see.
 */
final class LineageGraph implements Provenance {

    private static final Logger LOG = LoggerFactory.getLogger(LineageGraph.class);

    /** Largest graph drawn; a bigger one is cut at this many datasets (a server must not walk without end). */
    static final int MAX_NODES = 1000;

    private final Catalog catalog;
    private final JobStore store;
    private final String namespace;

    LineageGraph(Catalog catalog, JobStore store, String namespace) {
        this.catalog = catalog;
        this.store = store;
        this.namespace = namespace;
    }

    /** A walked graph: the lineage, the datasets the viewer may see, and the jobs that made them. */
    record Walk(Lineage lineage, Map<DatasetId, Dataset> visible, Map<DatasetId, AnalysisJob> jobs) {
    }

    @Override
    public Lineage lineage(DatasetId id, Viewer viewer) throws AnalysisException {
        return walk(id, viewer).lineage();
    }

    @Override
    public String provJson(DatasetId id, Viewer viewer) throws AnalysisException {
        return ProvJson.of(walk(id, viewer), namespace);
    }

    Walk walk(DatasetId focus, Viewer viewer) throws AnalysisException {
        try {
            Dataset start = catalog.find(focus, viewer).orElseThrow(() -> new AnalysisException(Reason.NOT_FOUND,
                    "Dataset " + focus + " not found"));
            return new Walker(viewer).walk(start);
        } catch (CatalogException e) {
            throw new AnalysisException(Reason.UNAVAILABLE, "Could not read the lineage of dataset " + focus
                    + " from the catalogue: " + e.getMessage(), e);
        }
    }

    /** One walk's state. */
    private final class Walker {
        private final Viewer viewer;
        private final Map<DatasetId, LineageNode> nodes = new LinkedHashMap<>();
        private final Map<DatasetId, Dataset> recorded = new LinkedHashMap<>();
        private final Map<DatasetId, Dataset> visible = new LinkedHashMap<>();
        private final Set<List<DatasetId>> edges = new LinkedHashSet<>();

        Walker(Viewer viewer) {
            this.viewer = viewer;
        }

        Walk walk(Dataset start) throws CatalogException, AnalysisException {
            recorded.put(start.id(), start);
            visible.put(start.id(), start);
            nodes.put(start.id(), node(start, true));
            Deque<DatasetId> todo = new ArrayDeque<>(List.of(start.id()));
            Set<DatasetId> seen = new HashSet<>(todo);
            while (!todo.isEmpty()) {
                DatasetId id = todo.poll();
                Optional<Dataset> d = recorded(id);
                for (DatasetId input : d.map(x -> x.content().inputs()).orElse(List.of())) {
                    if (add(input, DatasetType.RAW)) {
                        edges.add(List.of(input, id));
                        if (seen.add(input)) {
                            todo.add(input);
                        }
                    }
                }
            }
            todo.add(start.id());
            seen = new HashSet<>(todo);
            while (!todo.isEmpty()) {
                DatasetId id = todo.poll();
                for (DatasetId output : catalog.derivedFrom(id, Viewer.system())) {
                    if (add(output, DatasetType.DERIVED)) {
                        edges.add(List.of(id, output));
                        if (seen.add(output)) {
                            todo.add(output);
                        }
                    }
                }
            }
            Map<DatasetId, AnalysisJob> jobs = store.byOutput(visible.keySet());
            List<LineageEdge> lineageEdges = new ArrayList<>();
            for (List<DatasetId> e : edges) {
                Optional<AnalysisJob> job = Optional.ofNullable(jobs.get(e.get(1)));
                lineageEdges.add(new LineageEdge(e.get(0), e.get(1), job.map(AnalysisJob::id).orElse(""),
                        job.map(j -> j.request().pluginId()).orElse(""),
                        job.map(AnalysisJob::pluginVersion).orElse("")));
            }
            return new Walk(new Lineage(start.id(), List.copyOf(nodes.values()), lineageEdges), visible, jobs);
        }

        /** Adds a node once; false when the graph is full and it is left out. */
        private boolean add(DatasetId id, DatasetType unknownType) throws CatalogException {
            if (nodes.containsKey(id)) {
                return true;
            }
            if (nodes.size() >= MAX_NODES) {
                LOG.warn("Lineage of {} cut at {} datasets", nodes.keySet().iterator().next(), MAX_NODES);
                return false;
            }
            Optional<Dataset> d = recorded(id);
            boolean sees = d.isPresent() && (viewer.seesEverything() || catalog.find(id, viewer).isPresent());
            if (sees) {
                visible.put(id, d.get());
            }
            nodes.put(id, d.map(x -> node(x, sees)).orElse(new LineageNode(id, "", unknownType, false)));
            return true;
        }

        private Optional<Dataset> recorded(DatasetId id) throws CatalogException {
            if (!recorded.containsKey(id)) {
                Optional<Dataset> d = catalog.find(id, Viewer.system());
                d.ifPresent(x -> recorded.put(id, x));
                return d;
            }
            return Optional.of(recorded.get(id));
        }

        private static LineageNode node(Dataset d, boolean visible) {
            return new LineageNode(d.id(), visible ? d.content().title() : "", d.content().type(), visible);
        }
    }
}
