package org.datastamp.catalog.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Period;
import java.util.UUID;

import javax.sql.DataSource;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.UnitConverter;

/**
 * Opens a catalogue database with its schema brought up to date, outside OSGi: for the unit tests of the bundles
 * whose tables live in the catalogue's schema (logbook, user office), which reach this class through
 * {@code additional.bundles}. In the platform they use the {@link DataSource} service the catalogue registers.
 */
public final class CatalogDatabases {

    private CatalogDatabases() {
    }

    /**
     * A data source on {@code url} ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}) whose schema is migrated to
     * the newest version, catalogue, logbook and user-office tables alike.
     */
    public static DataSource migrated(String url, String user, String password) throws CatalogException {
        DataSource dataSource = CatalogComponent.dataSource(url, user, password);
        SchemaMigrations.migrate(Database.of(dataSource));
        return dataSource;
    }

    /**
     * The catalogue on a migrated data source, as the platform runs it (default embargo 3 years); the object is also
     * the {@link org.datastamp.catalog.api.FacilityDirectory}.
     */
    public static Catalog catalog(DataSource migrated, UnitConverter units) throws CatalogException {
        return new JdbcCatalog(Database.of(migrated), units, Period.ofYears(3), Clock.systemUTC());
    }

    /**
     * A database made for one test class on the PostgreSQL server at 127.0.0.1:5432 (user postgres, trust
     * authentication), dropped on {@link Postgres#close()}. Fails loudly when the server is not reachable: tests that
     * need it must not pass without it (releng/test starts it).
     *
     * @param prefix start of the database's name, e.g. {@code datastamp_logbook}; a random suffix follows
     */
    public static Postgres postgres(String prefix) {
        String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            Postgres.execute("postgres", "CREATE DATABASE " + database);
        } catch (SQLException | CatalogException e) {
            throw new IllegalStateException("PostgreSQL is needed for these tests but " + Postgres.SERVER
                    + "postgres (user postgres) is not reachable: " + e.getMessage()
                    + ". Start it (releng/test does) and run again.", e);
        }
        return new Postgres(database);
    }

    /** A test database on the local PostgreSQL server; see {@link CatalogDatabases#postgres(String)}. */
    public static final class Postgres implements AutoCloseable {

        public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
        public static final String USER = "postgres";

        private final String database;

        private Postgres(String database) {
            this.database = database;
        }

        /** Its JDBC URL. */
        public String url() {
            return SERVER + database;
        }

        /** Empties it (a fresh public schema) for the next test; returns its JDBC URL. */
        public String emptied() throws SQLException, CatalogException {
            execute(database, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
            return url();
        }

        @Override
        public void close() throws SQLException, CatalogException {
            execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }

        private static void execute(String database, String... statements) throws SQLException, CatalogException {
            try (Connection c = CatalogComponent.dataSource(SERVER + database, USER, "").getConnection();
                    Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        }
    }
}
