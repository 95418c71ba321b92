package org.datastamp.catalog.jdbc;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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

    /** Each test starts from an empty public schema in the class's database. */
    @Override
    DataSource emptyDatabase() throws Exception {
        return CatalogComponent.dataSource(database.emptied(), CatalogDatabases.Postgres.USER, "");
    }
}
