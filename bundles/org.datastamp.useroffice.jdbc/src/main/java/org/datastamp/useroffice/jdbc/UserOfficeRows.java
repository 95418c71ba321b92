package org.datastamp.useroffice.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.datastamp.useroffice.api.Allocation;
import org.datastamp.useroffice.api.Hazard;
import org.datastamp.useroffice.api.SampleSheet;
import org.datastamp.useroffice.api.Shipment;
import org.datastamp.useroffice.api.ShipmentEvent;
import org.datastamp.useroffice.api.ShipmentStatus;

/** The user office's rows (schema V7 of the catalogue database): plain reads and writes, no rules. */
final class UserOfficeRows {

    /** Composition and safety of a sample. */
    record Details(String composition, Hazard hazard, String safety) {
    }

    private UserOfficeRows() {
    }

    static void saveAllocation(Connection c, Allocation a) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM uo_allocation_session WHERE allocation_id = ?")) {
            d.setString(1, a.id());
            d.executeUpdate();
        }
        try (PreparedStatement d = c.prepareStatement("DELETE FROM uo_allocation WHERE id = ?")) {
            d.setString(1, a.id());
            d.executeUpdate();
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO uo_allocation (id, proposal_id, instrument, title,"
                + " shifts) VALUES (?, ?, ?, ?, ?)")) {
            i.setString(1, a.id());
            i.setString(2, a.proposalId());
            i.setString(3, a.instrument());
            i.setString(4, a.title());
            i.setInt(5, a.shifts());
            i.executeUpdate();
        }
        for (String session : a.sessionIds()) {
            // a session moves to this allocation if it was under another
            try (PreparedStatement d = c.prepareStatement("DELETE FROM uo_allocation_session WHERE session_id = ?")) {
                d.setString(1, session);
                d.executeUpdate();
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO uo_allocation_session (session_id,"
                    + " allocation_id) VALUES (?, ?)")) {
                i.setString(1, session);
                i.setString(2, a.id());
                i.executeUpdate();
            }
        }
    }

    static List<Allocation> allocations(Connection c, String proposalId) throws SQLException {
        List<Allocation> found = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, proposal_id, instrument, title, shifts"
                + " FROM uo_allocation WHERE proposal_id = ? ORDER BY id")) {
            q.setString(1, proposalId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    found.add(new Allocation(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            strings(c, "SELECT session_id FROM uo_allocation_session WHERE allocation_id = ?"
                                    + " ORDER BY session_id", id)));
                }
            }
        }
        return found;
    }

    private static Set<String> strings(Connection c, String sql, String key) throws SQLException {
        Set<String> values = new LinkedHashSet<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    static void saveDetails(Connection c, SampleSheet s) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM uo_sample WHERE sample_id = ?")) {
            d.setString(1, s.sample().id());
            d.executeUpdate();
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO uo_sample (sample_id, composition, hazard, safety)"
                + " VALUES (?, ?, ?, ?)")) {
            i.setString(1, s.sample().id());
            i.setString(2, s.composition());
            i.setString(3, s.hazard().name());
            i.setString(4, s.safety());
            i.executeUpdate();
        }
    }

    static Optional<Details> details(Connection c, String sampleId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT composition, hazard, safety FROM uo_sample"
                + " WHERE sample_id = ?")) {
            q.setString(1, sampleId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new Details(rs.getString(1), Hazard.valueOf(rs.getString(2)),
                        rs.getString(3))) : Optional.empty();
            }
        }
    }

    static void insertShipment(Connection c, Shipment s) throws SQLException {
        ShipmentEvent created = s.history().get(0);
        try (PreparedStatement i = c.prepareStatement("INSERT INTO uo_shipment (id, proposal_id, instrument, status,"
                + " tracking, created, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            i.setString(1, s.id());
            i.setString(2, s.proposalId());
            i.setString(3, s.instrument());
            i.setString(4, s.status().name());
            i.setString(5, s.tracking());
            i.setObject(6, utc(created.time()));
            i.setString(7, created.username());
            i.executeUpdate();
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO uo_shipment_sample (shipment_id, ordinal,"
                + " sample_id) VALUES (?, ?, ?)")) {
            for (int n = 0; n < s.sampleIds().size(); n++) {
                i.setString(1, s.id());
                i.setInt(2, n);
                i.setString(3, s.sampleIds().get(n));
                i.executeUpdate();
            }
        }
        insertEvent(c, s.id(), 0, created);
    }

    static void insertEvent(Connection c, String shipmentId, int ordinal, ShipmentEvent e) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO uo_shipment_event (shipment_id, ordinal, status,"
                + " at_time, username, note) VALUES (?, ?, ?, ?, ?, ?)")) {
            i.setString(1, shipmentId);
            i.setInt(2, ordinal);
            i.setString(3, e.status().name());
            i.setObject(4, utc(e.time()));
            i.setString(5, e.username());
            i.setString(6, e.note());
            i.executeUpdate();
        }
    }

    /** Moves the status on only if it is still {@code from}; false when another change came first. */
    static boolean moveStatus(Connection c, String shipmentId, ShipmentStatus from, ShipmentStatus to)
            throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE uo_shipment SET status = ? WHERE id = ?"
                + " AND status = ?")) {
            u.setString(1, to.name());
            u.setString(2, shipmentId);
            u.setString(3, from.name());
            return u.executeUpdate() == 1;
        }
    }

    static Optional<Shipment> shipment(Connection c, String id) throws SQLException {
        return shipments(c, "SELECT id, proposal_id, instrument, status, tracking FROM uo_shipment WHERE id = ?", id)
                .stream().findFirst();
    }

    static List<Shipment> openShipments(Connection c, String instrument) throws SQLException {
        return shipments(c, "SELECT id, proposal_id, instrument, status, tracking FROM uo_shipment"
                + " WHERE instrument = ? AND status NOT IN ('RETURNED', 'DISPOSED') ORDER BY created, id", instrument);
    }

    private static List<Shipment> shipments(Connection c, String sql, String key) throws SQLException {
        List<Shipment> found = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    found.add(new Shipment(id, rs.getString(2), rs.getString(3),
                            ShipmentStatus.valueOf(rs.getString(4)), rs.getString(5),
                            List.copyOf(strings(c, "SELECT sample_id FROM uo_shipment_sample WHERE shipment_id = ?"
                                    + " ORDER BY ordinal", id)), events(c, id)));
                }
            }
        }
        return found;
    }

    private static List<ShipmentEvent> events(Connection c, String shipmentId) throws SQLException {
        List<ShipmentEvent> events = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT status, at_time, username, note FROM uo_shipment_event"
                + " WHERE shipment_id = ? ORDER BY ordinal")) {
            q.setString(1, shipmentId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.add(new ShipmentEvent(ShipmentStatus.valueOf(rs.getString(1)),
                            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return events;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
