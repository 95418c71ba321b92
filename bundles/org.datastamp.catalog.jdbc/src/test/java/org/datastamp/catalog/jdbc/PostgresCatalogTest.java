package org.datastamp.catalog.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The catalogue on PostgreSQL at 127.0.0.1:5432 (user postgres), in a database made for this test class and dropped
 * after it. When the server is not reachable these tests fail: releng/test starts it.
 */
class PostgresCatalogTest extends CatalogContract {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private static String database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = "datastamp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is needed for these tests but " + SERVER + "postgres (user postgres)"
                    + " is not reachable: " + e.getMessage() + ". Start it (releng/test does) and run again.", e);
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            try (Connection c = admin().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static DataSource admin() throws Exception {
        return CatalogComponent.dataSource(SERVER + "postgres", "postgres", "");
    }

    /** Each test starts from an empty public schema in the class's database. */
    @Override
    DataSource emptyDatabase() throws Exception {
        DataSource ds = CatalogComponent.dataSource(SERVER + database, "postgres", "");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        return ds;
    }
}
