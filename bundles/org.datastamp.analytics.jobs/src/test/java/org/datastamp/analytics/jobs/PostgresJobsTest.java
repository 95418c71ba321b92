package org.datastamp.analytics.jobs;

import org.datastamp.catalog.jdbc.CatalogDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The job service on PostgreSQL at 127.0.0.1:5432 (user postgres), in a database made for this class and dropped
 * after it. Fails when the server is not reachable: releng/test starts it.
 */
class PostgresJobsTest extends JobsContract {

    private static CatalogDatabases.Postgres database;

    @BeforeAll
    static void createDatabase() {
        database = CatalogDatabases.postgres("datastamp_jobs");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Override
    String emptyDatabase() throws Exception {
        return database.emptied();
    }
}
