package org.datastamp.catalog.jdbc;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Ingest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue on PostgreSQL at 127.0.0.1:5432 (user postgres), in a database made for this test class and dropped
 * after it. When the server is not reachable these tests fail: releng/test starts it.
 */
class PostgresCatalogTest extends CatalogContract {

    private static CatalogDatabases.Postgres database;

    @BeforeAll
    static void createDatabase() {
        database = CatalogDatabases.postgres("datastamp_test");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void plannerStatisticsAreRefreshedWhileDatasetsArriveEvenWithoutAutovacuum() throws Exception {
        Database db = Database.of(dataSource);
        try (PlannerStatistics statistics = PlannerStatistics.of(db, 10)) {
            JdbcCatalog withStatistics = new JdbcCatalog(db, new FakeUnits(), Period.ofYears(3), clock, statistics);
            List<Ingest> batch = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                batch.add(new Ingest(new DatasetId("analysed-" + i), raw("scan " + i, "", "SimBeamline")));
            }
            withStatistics.registerAll(batch);

            // ANALYZE runs in the background: wait for it (a correctness check, not a timing one)
            Instant deadline = Instant.now().plusSeconds(60);
            Long distinct = null;
            while (distinct == null && Instant.now().isBefore(deadline)) {
                distinct = metadataDistinctDatasets();
                if (distinct == null) {
                    Thread.sleep(100);
                }
            }
            assertNotNull(distinct, "metadata_entry was analysed after 12 new datasets (threshold 10)");
        }
    }

    /** pg_stats' n_distinct of metadata_entry.dataset_id; null while the table was never analysed. */
    private Long metadataDistinctDatasets() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT n_distinct FROM pg_stats WHERE tablename = 'metadata_entry'"
                        + " AND attname = 'dataset_id'")) {
            return rs.next() ? (long) rs.getFloat(1) : null;
        }
    }

    /** Each test starts from an empty public schema in the class's database. */
    @Override
    DataSource emptyDatabase() throws Exception {
        return CatalogComponent.dataSource(database.emptied(), CatalogDatabases.Postgres.USER, "");
    }
}
