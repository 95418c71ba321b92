package org.datastamp.catalog.jdbc;

import static org.datastamp.catalog.jdbc.Database.instant;
import static org.datastamp.catalog.jdbc.Database.placeholders;
import static org.datastamp.catalog.jdbc.Database.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.ConflictException;
import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.InvalidInputException;
import org.datastamp.catalog.api.StorageCopies;

/**
 * {@link StorageCopies} on the tables of schema V9 ({@code dataset_copy}, {@code dataset_access}). Each change is one
 * transaction through {@link Database#inTransaction}, which also serialises writers, so the count checked by
 * {@link #release} cannot change before the release commits.
 */
final class CopyRows implements StorageCopies {

    private static final String COLUMNS = "dataset_id, backend, key_prefix, format, state, verified_at, purged_at,"
            + " updated";

    private final Database db;
    private final Clock clock;

    CopyRows(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<DatasetCopy> copies(DatasetId id) throws CatalogException {
        return db.read("read the copies of dataset " + id, c -> select(c, "dataset_id = ?", id.value()));
    }

    @Override
    public Map<DatasetId, List<DatasetCopy>> copies(Collection<DatasetId> ids) throws CatalogException {
        Map<DatasetId, List<DatasetCopy>> all = new HashMap<>();
        List<String> values = ids.stream().map(DatasetId::value).distinct().toList();
        for (int from = 0; from < values.size(); from += 500) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + 500));
            for (DatasetCopy copy : db.read("read the copies of " + chunk.size() + " datasets",
                    c -> select(c, "dataset_id IN (" + placeholders(chunk.size()) + ")", chunk.toArray(String[]::new)))) {
                all.computeIfAbsent(copy.datasetId(), k -> new ArrayList<>()).add(copy);
            }
        }
        for (DatasetId id : ids) {
            all.putIfAbsent(id, List.of());
        }
        return all;
    }

    @Override
    public List<DatasetCopy> unfinished() throws CatalogException {
        return db.read("read unfinished copies", c -> select(c,
                "state = 'WRITING' OR (state = 'RELEASED' AND purged_at IS NULL)"));
    }

    @Override
    public DatasetCopy beginCopy(DatasetId id, String backendId, String keyPrefix, CopyFormat format)
            throws CatalogException {
        DatasetCopy writing = new DatasetCopy(id, backendId, keyPrefix, format, CopyState.WRITING, null, null,
                clock.instant());
        return db.inTransaction("record a copy of " + id + " on " + backendId + " as writing", c -> {
            Optional<DatasetCopy> existing = one(c, id, backendId);
            if (existing.isPresent() && existing.get().state() != CopyState.RELEASED) {
                throw new ConflictException("Dataset " + id + " already has a " + existing.get().state()
                        .name().toLowerCase(java.util.Locale.ROOT) + " copy on " + backendId);
            }
            if (existing.isPresent()) {
                update(c, writing);
            } else {
                insert(c, writing);
            }
            return writing;
        });
    }

    @Override
    public DatasetCopy adoptVerified(DatasetId id, String backendId, String keyPrefix, Instant verifiedAt)
            throws CatalogException {
        DatasetCopy verified = new DatasetCopy(id, backendId, keyPrefix, CopyFormat.PLAIN, CopyState.VERIFIED,
                verifiedAt, null, clock.instant());
        return db.inTransaction("record the verified copy of " + id + " on " + backendId, c -> {
            if (one(c, id, backendId).isPresent()) {
                throw new ConflictException("Dataset " + id + " already has a copy on " + backendId);
            }
            insert(c, verified);
            return verified;
        });
    }

    @Override
    public DatasetCopy markVerified(DatasetId id, String backendId, Instant verifiedAt) throws CatalogException {
        return change(id, backendId, "verified", copy -> {
            if (copy.state() == CopyState.RELEASED) {
                throw new ConflictException("The copy of " + id + " on " + backendId + " was released; it cannot be"
                        + " verified again");
            }
            return new DatasetCopy(id, backendId, copy.keyPrefix(), copy.format(), CopyState.VERIFIED, verifiedAt,
                    null, clock.instant());
        }, null);
    }

    @Override
    public DatasetCopy release(DatasetId id, String backendId, int othersVerified) throws CatalogException {
        return change(id, backendId, "released", copy -> {
            if (copy.state() != CopyState.VERIFIED) {
                throw new ConflictException("Only a verified copy can be released; the copy of " + id + " on "
                        + backendId + " is " + copy.state());
            }
            return new DatasetCopy(id, backendId, copy.keyPrefix(), copy.format(), CopyState.RELEASED,
                    copy.verifiedAt(), null, clock.instant());
        }, othersVerified);
    }

    @Override
    public DatasetCopy markPurged(DatasetId id, String backendId, Instant purgedAt) throws CatalogException {
        return change(id, backendId, "purged", copy -> {
            if (copy.state() != CopyState.RELEASED) {
                throw new ConflictException("The copy of " + id + " on " + backendId + " is " + copy.state()
                        + ", not released: its objects must not be deleted");
            }
            return new DatasetCopy(id, backendId, copy.keyPrefix(), copy.format(), CopyState.RELEASED,
                    copy.verifiedAt(), purgedAt, clock.instant());
        }, null);
    }

    @Override
    public void forget(DatasetId id, String backendId) throws CatalogException {
        db.inTransaction("forget the unfinished copy of " + id + " on " + backendId, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM dataset_copy WHERE dataset_id = ? AND backend = ?"
                    + " AND state = 'WRITING'")) {
                s.setString(1, id.value());
                s.setString(2, backendId);
                if (s.executeUpdate() == 0) {
                    throw new ConflictException("Dataset " + id + " has no writing copy on " + backendId
                            + " to forget");
                }
            }
            return null;
        });
    }

    @Override
    public void recordAccess(DatasetId id, Instant when) throws CatalogException {
        db.inTransaction("record an access to " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE dataset_access SET last_access = ? WHERE dataset_id = ?"
                    + " AND last_access < ?")) {
                s.setObject(1, utc(when));
                s.setString(2, id.value());
                s.setObject(3, utc(when));
                if (s.executeUpdate() > 0 || lastAccess(c, id).isPresent()) {
                    return null;
                }
            }
            requireDataset(c, id);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dataset_access (dataset_id, last_access)"
                    + " VALUES (?, ?)")) {
                s.setString(1, id.value());
                s.setObject(2, utc(when));
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Instant> lastAccess(DatasetId id) throws CatalogException {
        return db.read("read the last access to " + id, c -> lastAccess(c, id));
    }

    // --- rows

    @FunctionalInterface
    private interface Transition {
        DatasetCopy apply(DatasetCopy current) throws CatalogException;
    }

    /** Reads the copy, applies the transition and stores it; {@code othersVerified} guards a release. */
    private DatasetCopy change(DatasetId id, String backendId, String what, Transition transition,
            Integer othersVerified) throws CatalogException {
        return db.inTransaction("record the copy of " + id + " on " + backendId + " as " + what, c -> {
            DatasetCopy current = one(c, id, backendId).orElseThrow(() -> new InvalidInputException("backendId",
                    "dataset " + id + " has no copy on " + backendId));
            DatasetCopy next = transition.apply(current);
            if (othersVerified != null) {
                int others = verifiedElsewhere(c, id, backendId);
                if (others < othersVerified) {
                    throw new ConflictException("The copy of " + id + " on " + backendId + " is kept: only " + others
                            + " verified copies on other backends, " + othersVerified + " are required");
                }
            }
            update(c, next);
            return next;
        });
    }

    private static int verifiedElsewhere(Connection c, DatasetId id, String backendId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM dataset_copy WHERE dataset_id = ?"
                + " AND backend <> ? AND state = 'VERIFIED'")) {
            q.setString(1, id.value());
            q.setString(2, backendId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Optional<DatasetCopy> one(Connection c, DatasetId id, String backendId) throws SQLException {
        List<DatasetCopy> found = select(c, "dataset_id = ? AND backend = ?", id.value(), backendId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<DatasetCopy> select(Connection c, String where, String... values) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM dataset_copy WHERE " + where
                + " ORDER BY dataset_id, backend")) {
            for (int i = 0; i < values.length; i++) {
                q.setString(i + 1, values[i]);
            }
            List<DatasetCopy> copies = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    copies.add(new DatasetCopy(new DatasetId(rs.getString("dataset_id")), rs.getString("backend"),
                            rs.getString("key_prefix"), CopyFormat.valueOf(rs.getString("format")),
                            CopyState.valueOf(rs.getString("state")), instant(rs, "verified_at"),
                            instant(rs, "purged_at"), instant(rs, "updated")));
                }
            }
            return copies;
        }
    }

    private static void insert(Connection c, DatasetCopy copy) throws SQLException, CatalogException {
        requireDataset(c, copy.datasetId());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO dataset_copy (" + COLUMNS + ") VALUES ("
                + placeholders(8) + ")")) {
            s.setString(1, copy.datasetId().value());
            s.setString(2, copy.backendId());
            bindRest(s, copy, 3);
            s.executeUpdate();
        }
    }

    private static void update(Connection c, DatasetCopy copy) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE dataset_copy SET key_prefix = ?, format = ?, state = ?,"
                + " verified_at = ?, purged_at = ?, updated = ? WHERE dataset_id = ? AND backend = ?")) {
            int next = bindRest(s, copy, 1);
            s.setString(next, copy.datasetId().value());
            s.setString(next + 1, copy.backendId());
            s.executeUpdate();
        }
    }

    private static int bindRest(PreparedStatement s, DatasetCopy copy, int from) throws SQLException {
        s.setString(from, copy.keyPrefix());
        s.setString(from + 1, copy.format().name());
        s.setString(from + 2, copy.state().name());
        s.setObject(from + 3, utc(copy.verifiedAt()));
        s.setObject(from + 4, utc(copy.purgedAt()));
        s.setObject(from + 5, utc(copy.updated()));
        return from + 6;
    }

    private static void requireDataset(Connection c, DatasetId id) throws SQLException, CatalogException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM dataset WHERE id = ?")) {
            q.setString(1, id.value());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidInputException("id", "no dataset " + id + " is recorded");
                }
            }
        }
    }

    private static Optional<Instant> lastAccess(Connection c, DatasetId id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT last_access FROM dataset_access WHERE dataset_id = ?")) {
            q.setString(1, id.value());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(instant(rs, "last_access")) : Optional.empty();
            }
        }
    }
}
