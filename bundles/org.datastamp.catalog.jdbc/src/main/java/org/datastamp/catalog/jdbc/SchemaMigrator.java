package org.datastamp.catalog.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.datastamp.catalog.api.CatalogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database schema up to date with the versioned scripts shipped in this bundle ({@code db/V<n>__*.sql}),
 * recording each applied version in {@code schema_version}. Deliberately small; a migration library (Flyway) can
 * take over later, reading the same scripts and table layout.
 */
final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    /** One schema version and the script that reaches it. */
    record Migration(int version, String description, String resource) {
    }

    /** Every schema version, oldest first. Append; never edit a released script. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "datasets, datafiles, metadata", "/db/V1__datasets.sql"));

    private SchemaMigrator() {
    }

    /** Applies every migration newer than the database's version; each in its own transaction where the database allows. */
    static int migrate(Connection connection) throws CatalogException {
        try {
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                        + " description VARCHAR(200) NOT NULL, applied TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            int current = currentVersion(connection);
            int latest = MIGRATIONS.get(MIGRATIONS.size() - 1).version();
            if (current > latest) {
                throw new CatalogException("The catalogue database is at schema version " + current
                        + " but this bundle knows versions up to " + latest + "; install the newer catalogue bundle");
            }
            for (Migration m : MIGRATIONS) {
                if (m.version() > current) {
                    apply(connection, m);
                    current = m.version();
                }
            }
            return current;
        } catch (SQLException e) {
            throw new CatalogException("Could not bring the catalogue schema up to date: " + e.getMessage(), e);
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void apply(Connection connection, Migration m) throws SQLException, CatalogException {
        List<String> statements = statements(read(m.resource()));
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied) VALUES (?, ?, ?)")) {
                insert.setInt(1, m.version());
                insert.setString(2, m.description());
                insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            connection.commit();
            LOG.info("Catalogue schema migrated to version {} ({})", m.version(), m.description());
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("migration " + m.resource() + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static String read(String resource) throws CatalogException {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogException("Schema script " + resource + " is missing from the catalogue bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException("Could not read schema script " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The script's statements: '--' comment lines dropped, split at ';'. */
    static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : sql.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
