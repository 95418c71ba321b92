package org.datastamp.controls.api;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.datastamp.core.api.Capability;

/** A connection to a control system whose variables are recorded as scan metadata. */
public interface ControlSystemConnector extends Capability {

    /** All variables this control system offers, in their display order. */
    List<ControlVariable> variables();

    /** Reads the current value of every variable. */
    List<VariableReading> readAll() throws ControlSystemException;

    /**
     * Reads the current value of the given variables only (a beamline records a chosen few of the thousands a real
     * control system offers). Variables are matched by device and attribute. Connectors to large control systems
     * override this to read just those; the default reads everything and keeps the wanted ones.
     *
     * @throws ControlSystemException if a wanted variable cannot be read; the message names it
     */
    default List<VariableReading> read(Collection<ControlVariable> wanted) throws ControlSystemException {
        Set<String> keys = wanted.stream().map(v -> v.device() + "/" + v.attribute()).collect(Collectors.toSet());
        return readAll().stream().filter(r -> keys.contains(r.variable().device() + "/" + r.variable().attribute()))
                .toList();
    }
}
