package org.datastamp.catalog.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;

import javax.sql.DataSource;

import org.datastamp.catalog.api.CatalogException;

/**
 * The catalogue database: its data source, the one thing H2 and PostgreSQL spell differently (the next value of a
 * sequence), and transactions. Everything else is the same SQL on both.
 */
final class Database {

    /** The database products the catalogue runs on. */
    enum Vendor {
        H2("NEXT VALUE FOR dataset_change_seq"),
        POSTGRESQL("nextval('dataset_change_seq')");

        private final String nextChangeSequence;

        Vendor(String nextChangeSequence) {
            this.nextChangeSequence = nextChangeSequence;
        }
    }

    /** Work on an open connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException, CatalogException;
    }

    private final DataSource dataSource;
    private final Vendor vendor;
    private final String description;

    private Database(DataSource dataSource, Vendor vendor, String description) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.description = description;
    }

    /** Connects once to learn which database this is. */
    static Database of(DataSource dataSource) throws CatalogException {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String product = meta.getDatabaseProductName();
            Vendor vendor;
            if ("H2".equals(product)) {
                vendor = Vendor.H2;
            } else if ("PostgreSQL".equals(product)) {
                vendor = Vendor.POSTGRESQL;
            } else {
                throw new CatalogException("The catalogue runs on H2 or PostgreSQL, not on " + product + " ("
                        + meta.getURL() + ")");
            }
            // PostgreSQL's URL lists every driver property after '?'; the log needs only where the database is.
            String url = meta.getURL();
            return new Database(dataSource, vendor, product + " " + meta.getDatabaseProductVersion() + " at "
                    + (url.contains("?") ? url.substring(0, url.indexOf('?')) : url));
        } catch (SQLException e) {
            throw new CatalogException("Could not connect to the catalogue database: " + e.getMessage(), e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    Vendor vendor() {
        return vendor;
    }

    /** Product, version and URL, for the log. */
    String description() {
        return description;
    }

    /** SQL expression for a new change sequence number. */
    String nextChangeSequence() {
        return vendor.nextChangeSequence;
    }

    /**
     * Runs work in one transaction: committed whole, or rolled back whole on any error. Every writer first locks the
     * change clock (schema V3) until it commits, so change sequence numbers commit in increasing order and the
     * search indexer, which resumes after the highest number it has applied, never misses a change.
     */
    <T> T inTransaction(String what, Work<T> work) throws CatalogException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement lock = c.createStatement()) {
                    lock.executeUpdate("UPDATE change_clock SET writes = writes + 1 WHERE id = 1");
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | CatalogException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not " + what + "; nothing was written: " + e.getMessage(), e);
        }
    }

    /** Runs reads on one connection (one transaction, so what is read is consistent). */
    <T> T read(String what, Work<T> work) throws CatalogException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Binds values from the given parameter index on; returns the next free index. */
    static int bind(PreparedStatement q, int from, Collection<String> values) throws SQLException {
        int i = from;
        for (String v : values) {
            q.setString(i++, v);
        }
        return i;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** '' for SQL NULL: the API uses empty strings for "none". */
    static String text(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? "" : s;
    }

    /** SQL NULL for '': optional references are NULL in the database so foreign keys apply. */
    static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
