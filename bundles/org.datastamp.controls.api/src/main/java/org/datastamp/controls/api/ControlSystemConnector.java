package org.datastamp.controls.api;

import java.util.List;

import org.datastamp.core.api.Capability;

/** A connection to a control system whose variables are recorded as scan metadata. */
public interface ControlSystemConnector extends Capability {

    /** All variables this control system offers, in their display order. */
    List<ControlVariable> variables();

    /** Reads the current value of every variable. */
    List<VariableReading> readAll() throws ControlSystemException;
}
