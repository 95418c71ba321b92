package org.datastamp.catalog.api;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows another bundle keeps in the catalogue's database (logbook, user office; decision 0025), written in the same
 * transaction as a {@link DirectoryBatch} so that both are recorded or neither is.
 */
@FunctionalInterface
public interface SameTransaction {

    /** Nothing more to write. */
    SameTransaction NOTHING = c -> {
    };

    /**
     * Writes on the catalogue's open transaction; must neither commit nor close it. Throwing rolls everything back.
     */
    void write(Connection connection) throws SQLException, CatalogException;
}
