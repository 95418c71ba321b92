package org.datastamp.acquisition.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.controls.api.ControlSystemException;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.controls.api.VariableReading;
import org.datastamp.metadata.api.ConfiguredVariable;
import org.datastamp.metadata.api.MetadataConfiguration;

/**
 * Reads the control variables a scan records. With a beamline configuration: its enabled rows in their order, each
 * asked only of the connector that offers its device and attribute, recorded under the row's name and unit.
 * Without one: everything every connector offers, as before configurations existed. A connector that cannot be
 * read is returned as a failure, not thrown, and the caller decides (fail before acquiring, or flag at scan end).
 */
final class ControlReader {

    /** Something that could not be read: {@code source} (a control system or a variable) and why. */
    record Failure(String source, String reason) {
    }

    /** What one reading round produced, in recording order. */
    record Readings(List<VariableReading> values, List<Failure> failures) {
        Readings {
            values = List.copyOf(values);
            failures = List.copyOf(failures);
        }
    }

    /** The enabled rows in recording order, or {@code null} to read everything. */
    private final List<ControlVariable> rows;

    private ControlReader(List<ControlVariable> rows) {
        this.rows = rows;
    }

    /** Reads every variable of every connector (no configuration, or an empty one). */
    static ControlReader everything() {
        return new ControlReader(null);
    }

    /** Reads the configuration's enabled rows; an empty configuration reads everything, as before. */
    static ControlReader of(MetadataConfiguration configuration) {
        if (configuration.variables().isEmpty()) {
            return everything();
        }
        // A stable sort: rows with the same order keep the configuration's sequence.
        return new ControlReader(configuration.variables().stream().filter(ConfiguredVariable::enabled)
                .map(ConfiguredVariable::variable).sorted(Comparator.comparingInt(ControlVariable::order)).toList());
    }

    /** Whether the beamline chose its variables (then they are also read at scan end and checked against limits). */
    boolean configured() {
        return rows != null;
    }

    Readings read(List<ControlSystemConnector> connectors) {
        return rows == null ? readAll(connectors) : readRows(connectors);
    }

    private static Readings readAll(List<ControlSystemConnector> connectors) {
        List<VariableReading> values = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (ControlSystemConnector connector : connectors) {
            try {
                values.addAll(connector.readAll());
            } catch (ControlSystemException | RuntimeException e) {
                failures.add(new Failure("control system '" + connector.capabilityId() + "'", e.getMessage()));
            }
        }
        return new Readings(values, failures);
    }

    private Readings readRows(List<ControlSystemConnector> connectors) {
        List<Failure> failures = new ArrayList<>();
        Map<ControlSystemConnector, List<ControlVariable>> wanted = new LinkedHashMap<>();
        for (ControlVariable row : rows) {
            Optional<ControlSystemConnector> owner = connectors.stream().filter(c -> offers(c, row)).findFirst();
            if (owner.isPresent()) {
                wanted.computeIfAbsent(owner.get(), c -> new ArrayList<>()).add(row);
            } else {
                failures.add(new Failure(describe(row), "no control system offers it (connected: "
                        + String.join(", ", connectors.stream().map(ControlSystemConnector::capabilityId).toList())
                        + ")"));
            }
        }
        Map<String, VariableReading> read = new LinkedHashMap<>();
        for (Map.Entry<ControlSystemConnector, List<ControlVariable>> e : wanted.entrySet()) {
            ControlSystemConnector connector = e.getKey();
            try {
                Map<String, VariableReading> got = new LinkedHashMap<>();
                for (VariableReading r : connector.read(e.getValue())) {
                    got.put(key(r.variable()), r);
                }
                for (ControlVariable row : e.getValue()) {
                    if (!got.containsKey(key(row))) {
                        failures.add(new Failure(describe(row), "control system '" + connector.capabilityId()
                                + "' returned no value for it"));
                    }
                }
                read.putAll(got);
            } catch (ControlSystemException | RuntimeException ex) {
                failures.add(new Failure("control system '" + connector.capabilityId() + "'", ex.getMessage()));
            }
        }
        // Recorded under the beamline's names and units, not the connector's (two rows may share a variable).
        List<VariableReading> values = new ArrayList<>();
        for (ControlVariable row : rows) {
            VariableReading r = read.get(key(row));
            if (r != null) {
                values.add(new VariableReading(row, r.value(), r.time()));
            }
        }
        return new Readings(values, failures);
    }

    /** Readings outside their variable's limits, one sentence each, with the name as recorded plus {@code suffix}. */
    static List<String> outOfLimits(List<VariableReading> readings, String suffix) {
        List<String> violations = new ArrayList<>();
        for (VariableReading r : readings) {
            ControlVariable v = r.variable();
            String name = v.name() + suffix;
            String unit = v.unit().isEmpty() ? "" : " " + v.unit();
            if (Double.isNaN(r.value())) {
                violations.add(name + " is not a number");
            } else if (v.minimum() != null && r.value() < v.minimum()) {
                violations.add(name + " = " + r.value() + unit + " is below its minimum " + v.minimum() + unit);
            } else if (v.maximum() != null && r.value() > v.maximum()) {
                violations.add(name + " = " + r.value() + unit + " is above its maximum " + v.maximum() + unit);
            }
        }
        return violations;
    }

    private static boolean offers(ControlSystemConnector connector, ControlVariable row) {
        return connector.variables().stream().anyMatch(v -> key(v).equals(key(row)));
    }

    private static String key(ControlVariable v) {
        return v.device() + "/" + v.attribute();
    }

    private static String describe(ControlVariable row) {
        return "'" + row.name() + "' (" + key(row) + ")";
    }
}
