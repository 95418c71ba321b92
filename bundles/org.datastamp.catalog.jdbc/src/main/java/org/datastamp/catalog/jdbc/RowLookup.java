package org.datastamp.catalog.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether rows exist, by table and id, within one transaction. A batch asks about the same proposal, session,
 * sample and instrument again and again; each is looked up once, and rows the batch itself adds count as present.
 */
final class RowLookup {

    private final Connection connection;
    private final Map<String, Boolean> known = new HashMap<>();

    RowLookup(Connection connection) {
        this.connection = connection;
    }

    boolean exists(String table, String id) throws SQLException {
        String key = table + '\u0000' + id;
        Boolean present = known.get(key);
        if (present == null) {
            present = IngestValidator.exists(connection, table, "id", id);
            known.put(key, present);
        }
        return present;
    }

    /** Records that the transaction added a row. */
    void added(String table, String id) {
        known.put(table + '\u0000' + id, Boolean.TRUE);
    }
}
