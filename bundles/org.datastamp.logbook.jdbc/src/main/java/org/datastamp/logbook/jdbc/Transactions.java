package org.datastamp.logbook.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.datastamp.logbook.api.LogbookException;

/**
 * Work on the catalogue's database in one transaction: committed whole or rolled back whole. Not the catalogue's own
 * transaction helper: that one is internal to org.datastamp.catalog.jdbc, and the only public way in,
 * {@code FacilityDirectory.saveAll(batch, SameTransaction)} (used by the user office, whose rows must commit with
 * directory records), first locks the catalogue's change clock, which orders dataset changes for the search index.
 * Logbook rows are not dataset changes; taking that lock would make every rating, note and scan-feed poll wait for
 * dataset ingestion.
 */
final class Transactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException, LogbookException;
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T write(String what, Work<T> work) throws LogbookException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | LogbookException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LogbookException("Could not " + what + "; nothing was written: " + e.getMessage(), e);
        }
    }

    <T> T read(String what, Work<T> work) throws LogbookException {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new LogbookException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
