package org.datastamp.catalog.jdbc;

import static org.datastamp.catalog.jdbc.Database.instant;
import static org.datastamp.catalog.jdbc.Database.nullIfEmpty;
import static org.datastamp.catalog.jdbc.Database.text;
import static org.datastamp.catalog.jdbc.Database.utc;
import static org.datastamp.catalog.jdbc.DatasetRows.micros;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.ConflictException;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DoiRequest;
import org.datastamp.catalog.api.DoiRequestState;
import org.datastamp.catalog.api.InvalidInputException;

/** The {@code doi_request} tables (schema V10): requests to mint DOIs, changed only from an expected state. */
final class DoiRequestStore {

    private static final String COLUMNS = "id, requester, state, doi, metadata, requested, decided, decided_by, note,"
            + " updated";

    private final Database db;

    DoiRequestStore(Database db) {
        this.db = db;
    }

    DoiRequest create(DoiRequest request) throws CatalogException {
        DoiRequest stored = truncated(request);
        return db.inTransaction("record DOI request " + request.id(), c -> {
            if (IngestValidator.exists(c, "doi_request", "id", stored.id())) {
                throw new ConflictException("DOI request " + stored.id() + " exists already");
            }
            for (int i = 0; i < stored.datasets().size(); i++) {
                if (!IngestValidator.exists(c, "dataset", "id", stored.datasets().get(i).value())) {
                    throw new InvalidInputException("datasets[" + i + "]", "no dataset " + stored.datasets().get(i)
                            + " is recorded");
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO doi_request (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindRow(s, stored);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO doi_request_dataset (request_id, ordinal,"
                    + " dataset_id) VALUES (?, ?, ?)")) {
                for (int i = 0; i < stored.datasets().size(); i++) {
                    s.setString(1, stored.id());
                    s.setInt(2, i);
                    s.setString(3, stored.datasets().get(i).value());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return stored;
        });
    }

    DoiRequest update(DoiRequest request, DoiRequestState expected) throws CatalogException {
        DoiRequest stored = truncated(request);
        return db.inTransaction("update DOI request " + request.id(), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE doi_request SET state = ?, doi = ?, decided = ?,"
                    + " decided_by = ?, note = ?, updated = ? WHERE id = ? AND state = ?")) {
                s.setString(1, stored.state().name());
                s.setString(2, nullIfEmpty(stored.doi()));
                s.setObject(3, utc(stored.decided()));
                s.setString(4, nullIfEmpty(stored.decidedBy()));
                s.setString(5, nullIfEmpty(stored.note()));
                s.setObject(6, utc(stored.updated()));
                s.setString(7, stored.id());
                s.setString(8, expected.name());
                if (s.executeUpdate() == 0) {
                    Optional<DoiRequest> now = read(c, "id", stored.id());
                    throw new ConflictException(now.isEmpty() ? "No DOI request " + stored.id()
                            : "DOI request " + stored.id() + " is " + now.get().state() + " now, no longer "
                                    + expected + "; someone else acted on it first");
                }
            }
            return stored;
        });
    }

    Optional<DoiRequest> find(String column, String value) throws CatalogException {
        return db.read("read DOI request " + value, c -> read(c, column, value));
    }

    List<DoiRequest> list(DoiRequestState state, String requester, Instant from, Instant until, int offset,
            int limit) throws CatalogException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM doi_request WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (state != null) {
            sql.append(" AND state = ?");
            params.add(state.name());
        }
        if (requester != null && !requester.isEmpty()) {
            sql.append(" AND requester = ?");
            params.add(requester);
        }
        if (from != null) {
            sql.append(" AND updated >= ?");
            params.add(utc(from));
        }
        if (until != null) {
            sql.append(" AND updated <= ?");
            params.add(utc(until));
        }
        sql.append(" ORDER BY updated, id OFFSET ").append(Math.max(0, offset)).append(" ROWS FETCH FIRST ")
                .append(Math.max(1, limit)).append(" ROWS ONLY");
        return db.read("list DOI requests", c -> {
            List<DoiRequest> found = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    q.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        found.add(row(c, rs));
                    }
                }
            }
            return found;
        });
    }

    private static Optional<DoiRequest> read(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM doi_request WHERE " + column
                + " = ?")) {
            q.setString(1, value);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(row(c, rs)) : Optional.empty();
            }
        }
    }

    private static DoiRequest row(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        List<DatasetId> datasets = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT dataset_id FROM doi_request_dataset WHERE request_id = ?"
                + " ORDER BY ordinal")) {
            q.setString(1, id);
            try (ResultSet ds = q.executeQuery()) {
                while (ds.next()) {
                    datasets.add(new DatasetId(ds.getString(1)));
                }
            }
        }
        return new DoiRequest(id, datasets, rs.getString("requester"), DoiRequestState.valueOf(rs.getString("state")),
                text(rs, "doi"), rs.getString("metadata"), instant(rs, "requested"), instant(rs, "decided"),
                text(rs, "decided_by"), text(rs, "note"), instant(rs, "updated"));
    }

    private static void bindRow(PreparedStatement s, DoiRequest r) throws SQLException {
        s.setString(1, r.id());
        s.setString(2, r.requester());
        s.setString(3, r.state().name());
        s.setString(4, nullIfEmpty(r.doi()));
        s.setString(5, r.metadata());
        s.setObject(6, utc(r.requested()));
        s.setObject(7, utc(r.decided()));
        s.setString(8, nullIfEmpty(r.decidedBy()));
        s.setString(9, nullIfEmpty(r.note()));
        s.setObject(10, utc(r.updated()));
    }

    /** Times as the database keeps them (microseconds), so what is returned equals what is read back later. */
    private static DoiRequest truncated(DoiRequest r) {
        return new DoiRequest(r.id(), r.datasets(), r.requester(), r.state(), r.doi(), r.metadata(),
                micros(r.requested()), r.decided() == null ? null : micros(r.decided()), r.decidedBy(), r.note(),
                micros(r.updated()));
    }
}
