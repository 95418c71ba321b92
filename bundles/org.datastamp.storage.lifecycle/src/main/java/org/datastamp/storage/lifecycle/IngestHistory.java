package org.datastamp.storage.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.datastamp.storage.api.MonthlyIngest;
import org.datastamp.storage.api.StorageException;

/**
 * What planning reads from the catalogue's tables, in SQL on its data source (H2 or PostgreSQL): the bytes of
 * verified copies per backend and the bytes registered per month. Aggregates only, so a report over millions of
 * datasets is a few indexed scans (months by {@code dataset_newest}), not a walk through the catalogue API.
 */
final class IngestHistory {

    /** Bytes and datasets of the verified copies on one backend. */
    record Held(long bytes, long datasets) {
    }

    private static final String HELD = "SELECT c.backend, COUNT(DISTINCT c.dataset_id), COALESCE(SUM(f.size_bytes), 0)"
            + " FROM dataset_copy c JOIN datafile f ON f.dataset_id = c.dataset_id WHERE c.state = 'VERIFIED'"
            + " GROUP BY c.backend";
    private static final String COPIED_BYTES = "SELECT COALESCE(SUM(f.size_bytes), 0) FROM datafile f"
            + " WHERE f.dataset_id IN (SELECT dataset_id FROM dataset_copy WHERE state = 'VERIFIED')";
    // one query per month with bounds computed here in UTC: portable, unlike date functions and session time zones
    private static final String MONTH = "SELECT COUNT(DISTINCT d.id), COALESCE(SUM(f.size_bytes), 0) FROM dataset d"
            + " LEFT JOIN datafile f ON f.dataset_id = d.id WHERE d.created >= ? AND d.created < ?";

    private final DataSource database;

    IngestHistory(DataSource database) {
        this.database = database;
    }

    /** Verified copies per backend id. */
    Map<String, Held> held() throws StorageException {
        Map<String, Held> held = new TreeMap<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(HELD);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                held.put(r.getString(1), new Held(r.getLong(3), r.getLong(2)));
            }
            return held;
        } catch (SQLException e) {
            throw failure("the verified copies per tier", e);
        }
    }

    /** Bytes of the datasets that have at least one verified copy. */
    long copiedBytes() throws StorageException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(COPIED_BYTES);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw failure("the bytes with a verified copy", e);
        }
    }

    /** What was registered in each month from {@code first} to {@code last}, both included, oldest first. */
    List<MonthlyIngest> months(YearMonth first, YearMonth last) throws StorageException {
        List<MonthlyIngest> months = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(MONTH)) {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                s.setObject(1, start(m));
                s.setObject(2, start(m.plusMonths(1)));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    months.add(new MonthlyIngest(m, r.getLong(1), r.getLong(2)));
                }
            }
            return months;
        } catch (SQLException e) {
            throw failure("the ingest per month", e);
        }
    }

    static OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static StorageException failure(String what, SQLException e) {
        return new StorageException("Could not read " + what + " from the catalogue database for the planning report: "
                + e.getMessage() + "; check that the catalogue (org.datastamp.catalog.jdbc) is running", e);
    }
}
