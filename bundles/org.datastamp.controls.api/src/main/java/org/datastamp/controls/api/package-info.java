/**
 * Control-system connectors (Tango, EPICS, simulated): the variables a beamline exposes and their current
 * values, recorded as scientific metadata with every scan.
 */
package org.datastamp.controls.api;
