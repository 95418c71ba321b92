package org.datastamp.catalog.api;

import java.util.List;

/**
 * A beamline or instrument.
 *
 * @param id         short id used in queries, e.g. {@code CoSAXS}
 * @param name       full name
 * @param techniques techniques offered, e.g. {@code SAXS}, {@code WAXS}
 */
public record Instrument(String id, String name, List<String> techniques) {

    public Instrument {
        Ids.require("instrument id", id);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Instrument '" + id + "' needs a name");
        }
        techniques = List.copyOf(techniques);
    }
}
