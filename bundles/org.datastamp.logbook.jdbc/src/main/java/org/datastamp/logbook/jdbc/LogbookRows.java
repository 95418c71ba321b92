package org.datastamp.logbook.jdbc;

import static org.datastamp.logbook.jdbc.Transactions.instant;
import static org.datastamp.logbook.jdbc.Transactions.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.datastamp.logbook.api.EntryKind;
import org.datastamp.logbook.api.EntryVersion;
import org.datastamp.logbook.api.LogImage;

/** The logbook's rows (schema V6 of the catalogue database): plain reads and writes, no rules. */
final class LogbookRows {

    /** A scan row as stored, before ratings, tags and comments are joined in. */
    record StoredScan(String scanId, String sessionId, String instrument, Instant started, String title, String type,
            String sample, String status, String datasetId, long frames, String error) {
    }

    /** An entry with its newest version. */
    record StoredEntry(String id, String sessionId, EntryKind kind, String scanId, String author, Instant created,
            EntryVersion newest) {
    }

    private LogbookRows() {
    }

    // --- scans

    static Optional<StoredScan> scan(Connection c, String scanId) throws SQLException {
        List<StoredScan> found = scans(c, "scan_id = ?", scanId);
        return found.stream().findFirst();
    }

    static List<StoredScan> sessionScans(Connection c, String sessionId) throws SQLException {
        return scans(c, "session_id = ?", sessionId);
    }

    private static List<StoredScan> scans(Connection c, String where, String key) throws SQLException {
        List<StoredScan> scans = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM logbook_scan WHERE " + where
                + " ORDER BY started DESC, scan_id DESC")) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String dataset = rs.getString("dataset_id");
                    String session = rs.getString("session_id");
                    scans.add(new StoredScan(rs.getString("scan_id"), session == null ? "" : session,
                            rs.getString("instrument"), instant(rs, "started"), rs.getString("title"),
                            rs.getString("scan_type"), rs.getString("sample"), rs.getString("status"),
                            dataset == null ? "" : dataset, rs.getLong("frames"), rs.getString("error")));
                }
            }
        }
        return scans;
    }

    static void saveScan(Connection c, StoredScan s, Map<String, String> values) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM logbook_scan_value WHERE scan_id = ?")) {
            d.setString(1, s.scanId());
            d.executeUpdate();
        }
        int updated;
        try (PreparedStatement u = c.prepareStatement("UPDATE logbook_scan SET session_id = ?, instrument = ?,"
                + " started = ?, title = ?, scan_type = ?, sample = ?, status = ?, dataset_id = ?, frames = ?,"
                + " error = ? WHERE scan_id = ?")) {
            bindScan(u, s, 1);
            u.setString(11, s.scanId());
            updated = u.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement i = c.prepareStatement("INSERT INTO logbook_scan (session_id, instrument, started,"
                    + " title, scan_type, sample, status, dataset_id, frames, error, scan_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindScan(i, s, 1);
                i.setString(11, s.scanId());
                i.executeUpdate();
            }
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO logbook_scan_value (scan_id, name, val)"
                + " VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> v : values.entrySet()) {
                i.setString(1, s.scanId());
                i.setString(2, v.getKey());
                i.setString(3, v.getValue());
                i.addBatch();
            }
            i.executeBatch();
        }
    }

    private static void bindScan(PreparedStatement q, StoredScan s, int from) throws SQLException {
        q.setString(from, s.sessionId().isEmpty() ? null : s.sessionId());
        q.setString(from + 1, s.instrument());
        q.setObject(from + 2, utc(s.started()));
        q.setString(from + 3, s.title());
        q.setString(from + 4, s.type());
        q.setString(from + 5, s.sample());
        q.setString(from + 6, s.status());
        q.setString(from + 7, s.datasetId().isEmpty() ? null : s.datasetId());
        q.setLong(from + 8, s.frames());
        q.setString(from + 9, s.error());
    }

    /** Key values of the session's scans: scan id to name to value. */
    static Map<String, Map<String, String>> values(Connection c, String sessionId) throws SQLException {
        Map<String, Map<String, String>> values = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT v.scan_id, v.name, v.val FROM logbook_scan_value v"
                + " JOIN logbook_scan s ON s.scan_id = v.scan_id WHERE s.session_id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    values.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            rs.getString(3));
                }
            }
        }
        return values;
    }

    /** Ratings of the session's scans: scan id to username to stars. */
    static Map<String, Map<String, Integer>> ratings(Connection c, String sessionId) throws SQLException {
        Map<String, Map<String, Integer>> ratings = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT r.scan_id, r.username, r.stars FROM logbook_rating r"
                + " JOIN logbook_scan s ON s.scan_id = r.scan_id WHERE s.session_id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ratings.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                            rs.getInt(3));
                }
            }
        }
        return ratings;
    }

    static Map<String, Set<String>> tags(Connection c, String sessionId) throws SQLException {
        Map<String, Set<String>> tags = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT t.scan_id, t.tag FROM logbook_tag t"
                + " JOIN logbook_scan s ON s.scan_id = t.scan_id WHERE s.session_id = ?")) {
            q.setString(1, sessionId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return tags;
    }

    static void rate(Connection c, String scanId, String username, int stars, Instant now) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM logbook_rating WHERE scan_id = ? AND username = ?")) {
            d.setString(1, scanId);
            d.setString(2, username);
            d.executeUpdate();
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO logbook_rating (scan_id, username, stars, rated)"
                + " VALUES (?, ?, ?, ?)")) {
            i.setString(1, scanId);
            i.setString(2, username);
            i.setInt(3, stars);
            i.setObject(4, utc(now));
            i.executeUpdate();
        }
    }

    static void tag(Connection c, String scanId, Set<String> add, Set<String> remove, String author, Instant now)
            throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM logbook_tag WHERE scan_id = ? AND tag = ?")) {
            for (String tag : remove) {
                d.setString(1, scanId);
                d.setString(2, tag);
                d.executeUpdate();
            }
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO logbook_tag (scan_id, tag, author, created)"
                + " SELECT ?, ?, ?, ? FROM logbook_scan WHERE scan_id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM logbook_tag WHERE scan_id = ? AND tag = ?)")) {
            for (String tag : add) {
                i.setString(1, scanId);
                i.setString(2, tag);
                i.setString(3, author);
                i.setObject(4, utc(now));
                i.setString(5, scanId);
                i.setString(6, scanId);
                i.setString(7, tag);
                i.executeUpdate();
            }
        }
    }

    // --- entries

    static void insertEntry(Connection c, String id, String sessionId, EntryKind kind, String scanId, String author,
            Instant now) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO logbook_entry (id, session_id, scan_id, kind,"
                + " author, created) VALUES (?, ?, ?, ?, ?, ?)")) {
            i.setString(1, id);
            i.setString(2, sessionId);
            i.setString(3, scanId.isEmpty() ? null : scanId);
            i.setString(4, kind.name());
            i.setString(5, author);
            i.setObject(6, utc(now));
            i.executeUpdate();
        }
    }

    /** Appends a version; a version number already taken (a concurrent edit) fails on the primary key. */
    static void insertVersion(Connection c, EntryVersion v) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO logbook_entry_version (entry_id, version,"
                + " markdown, author, created) VALUES (?, ?, ?, ?, ?)")) {
            i.setString(1, v.entryId());
            i.setInt(2, v.version());
            i.setString(3, v.markdown());
            i.setString(4, v.author());
            i.setObject(5, utc(v.created()));
            i.executeUpdate();
        }
    }

    private static final String ENTRY = "SELECT e.id, e.session_id, e.kind, e.scan_id, e.author, e.created,"
            + " v.version, v.markdown, v.author AS v_author, v.created AS v_created FROM logbook_entry e"
            + " JOIN logbook_entry_version v ON v.entry_id = e.id"
            + " AND v.version = (SELECT MAX(version) FROM logbook_entry_version WHERE entry_id = e.id)";

    static List<StoredEntry> entries(Connection c, String sessionId) throws SQLException {
        return entries(c, ENTRY + " WHERE e.session_id = ? ORDER BY e.created, e.id", sessionId);
    }

    static Optional<StoredEntry> entry(Connection c, String id) throws SQLException {
        return entries(c, ENTRY + " WHERE e.id = ?", id).stream().findFirst();
    }

    private static List<StoredEntry> entries(Connection c, String sql, String key) throws SQLException {
        List<StoredEntry> entries = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String scan = rs.getString("scan_id");
                    String id = rs.getString("id");
                    entries.add(new StoredEntry(id, rs.getString("session_id"), EntryKind.valueOf(rs.getString("kind")),
                            scan == null ? "" : scan, rs.getString("author"), instant(rs, "created"),
                            new EntryVersion(id, rs.getInt("version"), rs.getString("markdown"),
                                    rs.getString("v_author"), instant(rs, "v_created"))));
                }
            }
        }
        return entries;
    }

    static List<EntryVersion> versions(Connection c, String entryId) throws SQLException {
        List<EntryVersion> versions = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT version, markdown, author, created"
                + " FROM logbook_entry_version WHERE entry_id = ? ORDER BY version")) {
            q.setString(1, entryId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    versions.add(new EntryVersion(entryId, rs.getInt(1), rs.getString(2), rs.getString(3),
                            instant(rs, "created")));
                }
            }
        }
        return versions;
    }

    // --- images

    static void insertImage(Connection c, LogImage image, byte[] content, byte[] thumbnail) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO logbook_image (id, session_id, name, media_type,"
                + " width, height, size_bytes, content, thumbnail, author, created)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            i.setString(1, image.id());
            i.setString(2, image.sessionId());
            i.setString(3, image.name());
            i.setString(4, image.mediaType());
            i.setInt(5, image.width());
            i.setInt(6, image.height());
            i.setLong(7, image.size());
            i.setBytes(8, content);
            i.setBytes(9, thumbnail);
            i.setString(10, image.author());
            i.setObject(11, utc(image.created()));
            i.executeUpdate();
        }
    }

    private static final String IMAGE = "SELECT id, session_id, name, media_type, width, height, size_bytes, author,"
            + " created FROM logbook_image";

    static List<LogImage> images(Connection c, String sessionId) throws SQLException {
        return images(c, IMAGE + " WHERE session_id = ? ORDER BY created, id", sessionId);
    }

    static Optional<LogImage> image(Connection c, String id) throws SQLException {
        return images(c, IMAGE + " WHERE id = ?", id).stream().findFirst();
    }

    private static List<LogImage> images(Connection c, String sql, String key) throws SQLException {
        List<LogImage> images = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    images.add(new LogImage(rs.getString("id"), rs.getString("session_id"), rs.getString("name"),
                            rs.getString("media_type"), rs.getInt("width"), rs.getInt("height"),
                            rs.getLong("size_bytes"), rs.getString("author"), instant(rs, "created")));
                }
            }
        }
        return images;
    }

    static byte[] imageBytes(Connection c, String id, boolean thumbnail) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + (thumbnail ? "thumbnail" : "content")
                + " FROM logbook_image WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : new byte[0];
            }
        }
    }

    // --- the catalogue's tables, read only

    /** Datasets of a session: recorded with it in the catalogue, or by a scan the logbook placed in it. */
    static Set<String> sessionDatasets(Connection c, String sessionId) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM dataset WHERE session_id = ? UNION"
                + " SELECT dataset_id FROM logbook_scan WHERE session_id = ? AND dataset_id IS NOT NULL")) {
            q.setString(1, sessionId);
            q.setString(2, sessionId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Sessions of a dataset: the one the catalogue records, and any a scan of the dataset was placed in. */
    static Set<String> datasetSessions(Connection c, String datasetId) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT session_id FROM dataset WHERE id = ? UNION"
                + " SELECT session_id FROM logbook_scan WHERE dataset_id = ?")) {
            q.setString(1, datasetId);
            q.setString(2, datasetId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        ids.add(rs.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    /** The session on this instrument at this time, the latest starting if several overlap. */
    static Optional<String> sessionAt(Connection c, String instrument, Instant time) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM session WHERE instrument = ? AND start_time <= ?"
                + " AND end_time >= ? ORDER BY start_time DESC, id")) {
            q.setString(1, instrument);
            q.setObject(2, utc(time));
            q.setObject(3, utc(time));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
