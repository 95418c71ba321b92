package org.datastamp.catalog.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.DatasetChange;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Facet;
import org.datastamp.catalog.api.FacetValue;
import org.datastamp.catalog.api.InvalidInputException;
import org.datastamp.catalog.api.SearchHit;
import org.datastamp.catalog.api.SearchRequest;
import org.datastamp.catalog.api.SearchResult;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.catalog.search.QueryParser.ParsedQuery;

/**
 * The search index: a Lucene index derived from the catalogue's change feed. The last applied change's sequence is
 * stored in each commit, atomically with the documents, so after a crash the index resumes from its last commit and
 * re-applies what followed; documents are replaced by dataset id, so re-applying is harmless.
 */
final class DatasetIndex implements Closeable {

    static final String SEQUENCE_KEY = "datastamp.sequence";
    static final String SCHEMA_KEY = "datastamp.schema";
    /** Commit-data key of the catalogue database the index was built from ({@link Catalog#instanceId()}). */
    static final String CATALOG_KEY = "datastamp.catalog";
    /** Raise when documents change shape; an index of another schema is emptied and rebuilt from sequence 0. */
    static final String SCHEMA_VERSION = "1";

    /** Changes asked from the catalogue at once. */
    static final int BATCH = 500;
    /** Values returned per facet: the largest; a result list has no use for thousands of proposals. */
    static final int MAX_FACET_VALUES = 100;
    /** Documents applied between commits during a long catch-up: bounds the work a crash repeats. */
    private static final int COMMIT_EVERY = 20_000;
    private static final AtomicInteger SEARCH_THREAD = new AtomicInteger();

    private final Directory directory;
    private final Analyzer analyzer = new StandardAnalyzer();
    private final FacetsConfig facetsConfig = IndexFields.facetsConfig();
    private final UnitConverter units;
    private final DatasetDocuments documents;
    private final Clock clock;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /**
     * Threads that search and count facets over slices of the index in parallel: one large query (facets over a
     * million datasets) then uses every core instead of one.
     */
    private final ExecutorService searchThreads;
    private final ReentrantLock applying = new ReentrantLock();
    /** Guarded by {@link #applying}. */
    private long appliedSequence;
    /** Changes applied since the last commit; guarded by {@link #applying}. */
    private int uncommitted;
    private volatile FacetState facetState;
    /** {@link Catalog#instanceId()} of the catalogue this index follows. */
    private final String catalogInstance;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    DatasetIndex(Directory directory, UnitConverter units, Clock clock, String catalogInstance) throws IOException {
        this.catalogInstance = catalogInstance;
        this.directory = directory;
        this.units = units;
        this.clock = clock;
        this.documents = new DatasetDocuments(units, facetsConfig);
        this.searchThreads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread thread = new Thread(r, "datastamp-search-" + SEARCH_THREAD.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        try {
            this.writer = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            searchThreads.shutdown();
            throw e;
        }
        try {
            Map<String, String> committed = new HashMap<>();
            Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
            if (live != null) {
                live.forEach(e -> committed.put(e.getKey(), e.getValue()));
            }
            if (SCHEMA_VERSION.equals(committed.get(SCHEMA_KEY)) && catalogInstance.equals(committed.get(CATALOG_KEY))) {
                appliedSequence = Long.parseLong(committed.getOrDefault(SEQUENCE_KEY, "0"));
            } else {
                // A new index, one written by another version of this code, or one built from another catalogue
                // database (the catalogue was moved or replaced): start over from the first change
                writer.deleteAll();
                appliedSequence = 0;
                commit();
            }
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                    return new IndexSearcher(reader, searchThreads);
                }
            });
        } catch (IOException | RuntimeException e) {
            searchThreads.shutdown();
            writer.close();
            throw e;
        }
    }

    /** Sequence of the last change applied (committed or not). */
    long appliedSequence() {
        applying.lock();
        try {
            return appliedSequence;
        } finally {
            applying.unlock();
        }
    }

    /**
     * Applies the catalogue's changes since the last applied one, commits them with their sequence and makes them
     * searchable. The index is locked one batch at a time, so a search that wants the newest changes waits for at
     * most one batch of a long catch-up.
     *
     * @param maxBatches at most this many batches of {@link #BATCH} changes
     * @param keepGoing  asked between batches; false stops early (shutdown), with everything applied so far committed
     * @return how many changes were applied
     */
    int catchUp(Catalog catalog, int maxBatches, BooleanSupplier keepGoing) throws CatalogException, IOException {
        int applied = 0;
        try {
            for (int batch = 0; batch < maxBatches && keepGoing.getAsBoolean(); batch++) {
                int changes = applyBatch(catalog);
                applied += changes;
                if (changes < BATCH) {
                    break;
                }
            }
        } finally {
            // Whatever was applied is committed with its sequence, even when a later batch failed
            if (applied > 0) {
                applying.lock();
                try {
                    if (uncommitted > 0) {
                        commit();
                    }
                } finally {
                    applying.unlock();
                }
            }
            // Refreshed even when this call applied nothing: the poller may just have applied a change that a
            // search arriving now must see (cheap when the writer holds nothing new)
            searchers.maybeRefreshBlocking();
        }
        return applied;
    }

    private int applyBatch(Catalog catalog) throws CatalogException, IOException {
        applying.lock();
        try {
            List<DatasetChange> changes = catalog.changesSince(appliedSequence, BATCH);
            for (DatasetChange change : changes) {
                if (change.sequence() <= appliedSequence) {
                    throw new CatalogException("The catalogue's change feed went backwards: change "
                            + change.sequence() + " after " + appliedSequence + " (dataset " + change.dataset().id()
                            + ")");
                }
                Document doc = documents.toDocument(change);
                writer.updateDocument(new Term(IndexFields.ID, change.dataset().id().value()), doc);
                appliedSequence = change.sequence();
                uncommitted++;
            }
            if (uncommitted >= COMMIT_EVERY) {
                commit();
                searchers.maybeRefreshBlocking();
            }
            return changes.size();
        } finally {
            applying.unlock();
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(SEQUENCE_KEY, Long.toString(appliedSequence), SCHEMA_KEY, SCHEMA_VERSION,
                CATALOG_KEY, catalogInstance)
                .entrySet());
        writer.commit();
        uncommitted = 0;
    }

    /** Runs a search with the access rule applied to hits, total and facets. */
    SearchResult search(SearchRequest request, Viewer viewer) throws CatalogException, IOException {
        for (String facet : request.facets()) {
            if (!IndexFields.FACETS.contains(facet)) {
                throw new InvalidInputException("facets", "unknown facet '" + facet
                        + "'; use instrument, technique, year or proposal");
            }
        }
        ParsedQuery parsed = QueryParser.parse(request.query(), units, analyzer);
        Query query = AccessFilter.forViewer(viewer, clock.instant())
                .<Query>map(access -> new BooleanQuery.Builder().add(parsed.query(), Occur.MUST)
                        .add(access, Occur.FILTER).build())
                .orElse(parsed.query());

        IndexSearcher searcher = searchers.acquire();
        try {
            int wanted = (int) Math.max(1, Math.min((long) request.offset() + request.limit(),
                    searcher.getIndexReader().maxDoc()));
            TopFieldCollectorManager top = new TopFieldCollectorManager(sort(request, parsed.scored()), wanted, null,
                    Integer.MAX_VALUE);
            TopFieldDocs docs;
            FacetsCollector facetHits = null;
            if (request.facets().isEmpty()) {
                docs = searcher.search(query, top);
            } else {
                Object[] both = searcher.search(query, new MultiCollectorManager(top, new FacetsCollectorManager()));
                docs = (TopFieldDocs) both[0];
                facetHits = (FacetsCollector) both[1];
            }
            if (docs.totalHits.relation != TotalHits.Relation.EQUAL_TO) {
                throw new IllegalStateException("Lucene counted hits approximately despite an unbounded threshold");
            }
            ScoreDoc[] page = docs.scoreDocs.length <= request.offset() ? new ScoreDoc[0]
                    : Arrays.copyOfRange(docs.scoreDocs, request.offset(), docs.scoreDocs.length);
            if (parsed.scored() && page.length > 0) {
                TopFieldCollector.populateScores(page, searcher, query);
            }
            List<SearchHit> hits = new ArrayList<>(page.length);
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : page) {
                hits.add(toHit(stored.document(hit.doc), parsed.scored() ? hit.score : 0f));
            }
            List<Facet> facets = facetHits == null ? List.of()
                    : countFacets(searcher.getIndexReader(), facetHits, request.facets());
            return new SearchResult(docs.totalHits.value, hits, facets);
        } finally {
            searchers.release(searcher);
        }
    }

    private static Sort sort(SearchRequest request, boolean scored) {
        boolean descending = request.descending();
        SortField newestFirst = new SortField(IndexFields.START, SortField.Type.LONG, true);
        SortField byId = new SortField(IndexFields.ID, SortField.Type.STRING);
        return switch (request.sort()) {
        // relevance is always best first; without text terms every hit is equally relevant, so newest first
        case RELEVANCE -> scored ? new Sort(SortField.FIELD_SCORE, newestFirst, byId) : new Sort(newestFirst, byId);
        case START_TIME -> new Sort(new SortField(IndexFields.START, SortField.Type.LONG, descending), byId);
        case TITLE -> new Sort(new SortField(IndexFields.SORT_TITLE, SortField.Type.STRING, descending), newestFirst,
                byId);
        case SIZE -> new Sort(new SortField(IndexFields.SIZE, SortField.Type.LONG, descending), newestFirst, byId);
        case INSTRUMENT -> new Sort(new SortField(IndexFields.SORT_INSTRUMENT, SortField.Type.STRING, descending),
                newestFirst, byId);
        };
    }

    private static SearchHit toHit(Document doc, float score) {
        return new SearchHit(new DatasetId(doc.get(IndexFields.ID)), doc.get(IndexFields.STORED_TITLE),
                doc.get(IndexFields.STORED_INSTRUMENT), doc.get(IndexFields.STORED_PROPOSAL),
                doc.get(IndexFields.STORED_TECHNIQUE),
                Instant.ofEpochMilli(doc.getField(IndexFields.START).numericValue().longValue()),
                doc.getField(IndexFields.SIZE).numericValue().longValue(), score);
    }

    private List<Facet> countFacets(IndexReader reader, FacetsCollector hits, List<String> names) throws IOException {
        SortedSetDocValuesReaderState state = facetState(reader);
        Facets counts = null;
        if (state != null) {
            try {
                counts = new ConcurrentSortedSetDocValuesFacetCounts(state, hits, searchThreads);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while counting facets", e);
            }
        }
        List<Facet> facets = new ArrayList<>();
        for (String name : names) {
            List<FacetValue> values = new ArrayList<>();
            if (counts != null && state.getOrdRange(name) != null) {
                FacetResult result = counts.getTopChildren(MAX_FACET_VALUES, name);
                if (result != null) {
                    for (LabelAndValue lv : result.labelValues) {
                        if (lv.value.longValue() > 0) {
                            values.add(new FacetValue(lv.label, lv.value.longValue()));
                        }
                    }
                }
            }
            values.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
            facets.add(new Facet(name, values));
        }
        return facets;
    }

    /** The facet ordinals of a reader, built once per reader (refreshes make new ones). */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState cached = facetState;
        if (cached != null && cached.reader() == reader) {
            return cached.state();
        }
        if (!hasFacetField(reader)) {
            return null; // nothing indexed yet
        }
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        facetState = new FacetState(reader, state);
        return state;
    }

    private static boolean hasFacetField(IndexReader reader) {
        for (LeafReaderContext leaf : reader.leaves()) {
            FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
            if (info != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        applying.lock();
        try {
            searchers.close();
            writer.close(); // commits pending changes (commitOnClose) with the last commit data set
        } finally {
            searchThreads.shutdown();
            applying.unlock();
            directory.close();
        }
    }
}
