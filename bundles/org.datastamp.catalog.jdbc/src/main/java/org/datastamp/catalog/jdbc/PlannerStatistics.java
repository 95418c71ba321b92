package org.datastamp.catalog.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics of the catalogue current while datasets pour in. Without them the planner
 * guesses that {@code dataset_id IN (500 ids)} matches a large part of {@code metadata_entry} and scans the whole
 * table: measured at 500,000 datasets, 2.3 s per change-feed batch instead of milliseconds, so the search index fell
 * behind ingestion. Autovacuum would refresh the statistics, but it may be switched off (it is on these machines) and
 * lags behind bulk loads; so the catalogue runs {@code ANALYZE} itself, in the background, once at start when tables
 * holding rows were never analysed and again whenever the datasets grew by a tenth (autovacuum's own default rule)
 * since the last time. Nothing happens on H2, whose planner uses the indexes for such lookups anyway.
 */
final class PlannerStatistics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);

    private final Database db;
    private final long minDatasets;
    private final ExecutorService analyzer;
    private final AtomicLong addedSinceAnalyze = new AtomicLong();
    private final AtomicBoolean analyzing = new AtomicBoolean();
    /** Datasets in the catalogue at the last ANALYZE (PostgreSQL's estimate). */
    private volatile long datasetsAtAnalyze;

    private PlannerStatistics(Database db, long minDatasets, ExecutorService analyzer) {
        this.db = db;
        this.minDatasets = minDatasets;
        this.analyzer = analyzer;
    }

    /** Does nothing: for databases that need no help, and for tests. */
    static PlannerStatistics none() {
        return new PlannerStatistics(null, Long.MAX_VALUE, null);
    }

    /**
     * Statistics kept for {@code db} when it is PostgreSQL; {@link #none()} otherwise.
     *
     * @param minDatasets fewest datasets added between two ANALYZE runs, however small the catalogue
     */
    static PlannerStatistics of(Database db, long minDatasets) {
        if (db.vendor() != Database.Vendor.POSTGRESQL) {
            return none();
        }
        PlannerStatistics statistics = new PlannerStatistics(db, minDatasets, Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "datastamp-catalogue-analyze");
            thread.setDaemon(true);
            return thread;
        }));
        statistics.analyzeIfNeverAnalyzed();
        return statistics;
    }

    /** Notes datasets recorded (committed); analyses in the background once enough have come since the last time. */
    void datasetsAdded(int count) {
        if (analyzer == null || count <= 0) {
            return;
        }
        long pending = addedSinceAnalyze.addAndGet(count);
        if (pending >= Math.max(minDatasets, datasetsAtAnalyze / 10)) {
            startAnalyze("after " + pending + " new datasets");
        }
    }

    private void analyzeIfNeverAnalyzed() {
        startAnalyze(null);
    }

    /** @param reason why; null means only when some table with rows was never analysed */
    private void startAnalyze(String reason) {
        if (!analyzing.compareAndSet(false, true)) {
            return; // one at a time; what comes meanwhile counts towards the next
        }
        try {
            analyzer.execute(() -> {
                try {
                    analyze(reason);
                } finally {
                    analyzing.set(false);
                }
            });
        } catch (RuntimeException e) { // rejected: closing
            analyzing.set(false);
        }
    }

    private void analyze(String reason) {
        long taken = addedSinceAnalyze.getAndSet(0);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            if (reason == null) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_user_tables WHERE n_live_tup > 0"
                        + " AND last_analyze IS NULL AND last_autoanalyze IS NULL")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        addedSinceAnalyze.addAndGet(taken);
                        datasetsAtAnalyze = datasets(s);
                        return;
                    }
                }
                reason = "tables never analysed";
            }
            long started = System.nanoTime();
            s.execute("ANALYZE");
            datasetsAtAnalyze = datasets(s);
            LOG.info("Catalogue statistics refreshed ({}): ANALYZE of {} datasets took {} ms", reason,
                    datasetsAtAnalyze, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (SQLException e) {
            addedSinceAnalyze.addAndGet(taken); // try again after the next batch
            LOG.warn("Catalogue statistics not refreshed ({}): {}", reason, e.toString());
        }
    }

    private static long datasets(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT reltuples::bigint FROM pg_class WHERE relname = 'dataset'")) {
            return rs.next() ? Math.max(0, rs.getLong(1)) : 0;
        }
    }

    @Override
    public void close() {
        if (analyzer == null) {
            return;
        }
        analyzer.shutdown();
        try {
            // ANALYZE takes seconds at most; waiting keeps it from running against a closed pool
            if (!analyzer.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("Catalogue ANALYZE still running after 60 s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
