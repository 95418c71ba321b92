package org.datastamp.catalog.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.InvalidInputException;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.UnknownUnitException;

/**
 * Checks a dataset before it is recorded, naming the offending field ({@code datasets[3].metadata[2].unit}), and
 * converts its quantities to SI on the way.
 */
final class IngestValidator {

    /** Hex digits of each checksum algorithm's digest, by upper-case algorithm name. */
    private static final Map<String, Integer> CHECKSUM_HEX_DIGITS = Map.of("SHA-256", 64, "MD5", 32, "CRC32C", 8,
            "XXH64", 16);

    private final UnitConverter units;

    IngestValidator(UnitConverter units) {
        this.units = units;
    }

    /**
     * Validates a dataset against the input rules and what is recorded; returns the SI form of each metadata entry
     * (null where the entry is not a single number).
     *
     * @param prefix field prefix, e.g. {@code datasets[3].}, or empty for a single dataset
     */
    List<NormalizedQuantity> validate(RowLookup rows, String prefix, NewDataset d) throws SQLException,
            CatalogException {
        checkFiles(prefix, d.files());
        List<NormalizedQuantity> quantities = quantities(prefix, d.metadata());
        requireRow(rows, "proposal", d.proposalId(), prefix + "proposalId", "proposal");
        requireRow(rows, "session", d.sessionId(), prefix + "sessionId", "session");
        requireRow(rows, "sample", d.sampleId(), prefix + "sampleId", "sample");
        for (int i = 0; i < d.inputs().size(); i++) {
            requireRow(rows, "dataset", d.inputs().get(i).value(), prefix + "inputs[" + i + "]", "input dataset");
        }
        return quantities;
    }

    private static void checkFiles(String prefix, List<Datafile> files) throws InvalidInputException {
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            Datafile f = files.get(i);
            String field = prefix + "files[" + i + "]";
            if (!paths.add(f.path())) {
                throw new InvalidInputException(field + ".path", "'" + f.path() + "' is listed twice in this dataset");
            }
            Integer digits = CHECKSUM_HEX_DIGITS.get(f.checksumAlgorithm().toUpperCase(Locale.ROOT));
            if (digits == null) {
                throw new InvalidInputException(field + ".checksumAlgorithm", "unknown checksum algorithm '"
                        + f.checksumAlgorithm() + "'; use SHA-256, MD5, CRC32C or xxh64");
            }
            if (!f.checksum().matches("[0-9a-f]{" + digits + "}")) {
                throw new InvalidInputException(field + ".checksum", "a " + f.checksumAlgorithm() + " checksum is "
                        + digits + " lower-case hex digits, got '" + f.checksum() + "'");
            }
        }
    }

    private List<NormalizedQuantity> quantities(String prefix, List<MetadataEntry> metadata)
            throws InvalidInputException {
        List<NormalizedQuantity> out = new ArrayList<>(metadata.size());
        for (int i = 0; i < metadata.size(); i++) {
            MetadataEntry m = metadata.get(i);
            try {
                if (m.value() instanceof Number n) {
                    out.add(units.normalize(n.doubleValue(), m.unit()));
                } else {
                    if (!m.unit().isEmpty()) {
                        units.normalize(1, m.unit());
                    }
                    out.add(null);
                }
            } catch (UnknownUnitException e) {
                throw new InvalidInputException(prefix + "metadata[" + i + "].unit", "metadata '" + m.name() + "': "
                        + e.getMessage());
            }
        }
        return out;
    }

    private static void requireRow(RowLookup rows, String table, String value, String field, String what)
            throws SQLException, InvalidInputException {
        if (value.isEmpty()) {
            return;
        }
        if (!rows.exists(table, value)) {
            throw new InvalidInputException(field, "no " + what + " '" + value + "' is recorded");
        }
    }

    static boolean exists(Connection c, String table, String key, String value) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM " + table + " WHERE " + key + " = ?")) {
            q.setString(1, value);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
