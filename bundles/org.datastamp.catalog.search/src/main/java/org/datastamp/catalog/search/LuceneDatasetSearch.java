package org.datastamp.catalog.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.store.FSDirectory;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.DatasetSearch;
import org.datastamp.catalog.api.SearchRequest;
import org.datastamp.catalog.api.SearchResult;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.core.api.DataDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalogue search on a Lucene index under {@code <data dir>/catalog/index}. The index follows the catalogue's change
 * feed: it catches up on activation (in the background, so a rebuild does not hold up the framework), then one
 * thread polls for changes, and each search first applies what is new so a dataset is findable as soon as it is
 * registered.
 */
@Component(service = DatasetSearch.class, configurationPid = LuceneDatasetSearch.PID)
@Designate(ocd = LuceneDatasetSearch.Config.class)
public class LuceneDatasetSearch implements DatasetSearch {

    static final String PID = "org.datastamp.catalog.search";

    private static final Logger LOG = LoggerFactory.getLogger(LuceneDatasetSearch.class);

    @ObjectClassDefinition(name = "DataSTaMP catalogue search (Lucene)",
            description = "The search index over the catalogue; derived data, rebuilt from the catalogue when deleted")
    public @interface Config {

        @AttributeDefinition(description = "Index folder; empty means <datastamp.data.dir>/catalog/index. A relative"
                + " path is resolved against the data directory")
        String indexDir() default "";

        @AttributeDefinition(description = "Milliseconds between polls of the catalogue for changes", min = "10")
        long pollIntervalMillis() default 1000;
    }

    /** Batches between two progress lines of a long catch-up (20,000 changes). */
    private static final int BATCHES_PER_PROGRESS_LINE = 40;

    private final Catalog catalog;
    private final DatasetIndex index;
    private final ScheduledExecutorService indexer;
    private volatile boolean active = true;

    @Activate
    public LuceneDatasetSearch(@Reference Catalog catalog, @Reference UnitConverter units, Config config,
            BundleContext context) throws IOException, CatalogException {
        this.catalog = catalog;
        DataDirectory dataDirectory = DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY));
        Path dir = config.indexDir().isBlank() ? dataDirectory.catalog().resolve("index")
                : dataDirectory.root().resolve(config.indexDir());
        Files.createDirectories(dir);
        this.index = new DatasetIndex(FSDirectory.open(dir), units, Clock.systemUTC(), catalog.instanceId());
        LOG.info("Search index at {} resumes after catalogue change {}", dir, index.appliedSequence());
        this.indexer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "datastamp-search-indexer");
            thread.setDaemon(true);
            return thread;
        });
        indexer.scheduleWithFixedDelay(this::poll, 0, Math.max(10, config.pollIntervalMillis()),
                TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            long started = System.nanoTime();
            long total = 0;
            int applied;
            do {
                // In slices, so a long catch-up (a rebuild, a bulk load) reports its progress as it goes
                applied = index.catchUp(catalog, BATCHES_PER_PROGRESS_LINE, () -> active);
                total += applied;
                if (applied == BATCHES_PER_PROGRESS_LINE * DatasetIndex.BATCH) {
                    LOG.info("Search index catching up: at catalogue change {}, {} changes applied ({}/s)",
                            index.appliedSequence(), total, perSecond(total, started));
                }
            } while (active && applied == BATCHES_PER_PROGRESS_LINE * DatasetIndex.BATCH);
            if (total > 0) {
                LOG.info("Search index applied {} catalogue changes ({}/s), now at change {}", total,
                        perSecond(total, started), index.appliedSequence());
            }
        } catch (CatalogException | IOException | RuntimeException e) {
            // The index stays at its last commit; the next poll tries again from there
            LOG.warn("Search index could not catch up with the catalogue (will retry): {}", e.toString());
        }
    }

    private static long perSecond(long count, long startedNanos) {
        long elapsed = Math.max(1, System.nanoTime() - startedNanos);
        return count * 1_000_000_000L / elapsed;
    }

    @Override
    public SearchResult search(SearchRequest request, Viewer viewer) throws CatalogException {
        try {
            // One batch at most: a large backlog is the poller's job, a search only needs the newest changes
            index.catchUp(catalog, 1, () -> true);
        } catch (CatalogException | IOException e) {
            // Freshness only: the search still answers from the index as last committed; the poller retries
            LOG.warn("Search could not apply the newest catalogue changes first: {}", e.toString());
        }
        try {
            return index.search(request, viewer);
        } catch (IOException e) {
            throw new CatalogException("Search index could not be read: " + e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        active = false;
        indexer.shutdown();
        // No shutdownNow: interrupting Lucene in the middle of I/O closes its files under it
        if (!indexer.awaitTermination(60, TimeUnit.SECONDS)) {
            LOG.warn("Search indexer still busy after 60 s; closing the index anyway");
        }
        long at = index.appliedSequence();
        index.close();
        LOG.info("Search index closed at catalogue change {}", at);
    }
}
