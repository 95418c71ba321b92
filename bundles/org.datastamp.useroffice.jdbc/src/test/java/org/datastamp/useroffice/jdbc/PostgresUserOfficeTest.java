package org.datastamp.useroffice.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The user office on PostgreSQL at 127.0.0.1:5432 (user postgres), in a database made for this class and dropped after
 * it. Fails when the server is not reachable: releng/test starts it.
 */
class PostgresUserOfficeTest extends UserOfficeContract {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private static String database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = "datastamp_useroffice_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is needed for these tests but " + SERVER + "postgres (user postgres)"
                    + " is not reachable: " + e.getMessage() + ". Start it (releng/test does) and run again.", e);
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Override
    String emptyDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        return SERVER + database;
    }
}
