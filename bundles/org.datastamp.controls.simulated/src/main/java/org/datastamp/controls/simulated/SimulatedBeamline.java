package org.datastamp.controls.simulated;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.datastamp.controls.api.ControlVariable;
import org.datastamp.controls.api.VariableReading;

/**
 * The state of a pretend beamline: motors sit where they were configured, the sample temperature drifts slowly
 * around its set point and the storage-ring current decays between top-ups. Device names follow the Tango
 * {@code domain/family/member} convention so connectors for real systems can be compared against it.
 */
final class SimulatedBeamline {

    /** Period of the temperature drift; slow, like a cryostream regulating. */
    static final double TEMPERATURE_DRIFT_PERIOD_S = 600;
    /** Peak deviation of the temperature from its set point. */
    static final double TEMPERATURE_DRIFT_K = 0.2;
    /** Ring current decays by up to this much between top-ups. */
    static final double RING_DECAY_MA = 2.0;
    /** Seconds between top-up injections. */
    static final double TOP_UP_PERIOD_S = 180;

    /**
     * Where the beamline stands.
     *
     * @param domain               Tango domain of every device, e.g. {@code sim}
     * @param sampleTemperatureK   cryostream set point
     * @param sampleXmm            sample stage x
     * @param sampleYmm            sample stage y
     * @param detectorDistanceMm   sample-to-detector distance
     * @param beamEnergyKeV        monochromator energy
     * @param ringCurrentMa        storage-ring current right after a top-up
     */
    record Setup(String domain, double sampleTemperatureK, double sampleXmm, double sampleYmm,
            double detectorDistanceMm, double beamEnergyKeV, double ringCurrentMa) {

        Setup {
            if (domain == null || !domain.matches("[a-z0-9][a-z0-9_-]*")) {
                throw new IllegalArgumentException("Tango domain must be lower-case letters, digits, '_' or '-',"
                        + " got '" + domain + "'");
            }
        }
    }

    private final Setup setup;
    private final Clock clock;
    private final Instant epoch;
    private final List<ControlVariable> variables;

    SimulatedBeamline(Setup setup, Clock clock) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.epoch = clock.instant();
        String d = setup.domain();
        this.variables = List.of(
                new ControlVariable("sample environment", "sample_temperature", d + "/cryo/cryostream-01",
                        "Temperature", "K", 80.0, 500.0, 10),
                new ControlVariable("sample stage", "sample_x", d + "/mot/sample-x", "Position", "mm", -25.0, 25.0, 20),
                new ControlVariable("sample stage", "sample_y", d + "/mot/sample-y", "Position", "mm", -25.0, 25.0, 21),
                new ControlVariable("sample stage", "sample_omega", d + "/mot/sample-omega", "Position", "deg",
                        -360.0, 360.0, 22),
                new ControlVariable("detector", "detector_distance", d + "/mot/detector-z", "Position", "mm", 80.0,
                        1000.0, 30),
                new ControlVariable("beam", "beam_energy", d + "/mono/dcm-01", "Energy", "keV", 5.0, 30.0, 40),
                new ControlVariable("beam", "ring_current", d + "/ring/dcct-01", "Current", "mA", 0.0, 500.0, 41));
        for (ControlVariable v : variables) {
            double value = value(v.name(), 0);
            if (value < v.minimum() || value > v.maximum()) {
                throw new IllegalArgumentException("Simulated " + v.name() + " = " + value + " " + v.unit()
                        + " is outside its limits [" + v.minimum() + ", " + v.maximum() + "]");
            }
        }
    }

    List<ControlVariable> variables() {
        return variables;
    }

    List<VariableReading> readAll() {
        Instant now = clock.instant();
        double seconds = (now.toEpochMilli() - epoch.toEpochMilli()) / 1000.0;
        List<VariableReading> readings = new ArrayList<>(variables.size());
        for (ControlVariable v : variables) {
            readings.add(new VariableReading(v, value(v.name(), seconds), now));
        }
        return readings;
    }

    private double value(String name, double seconds) {
        return switch (name) {
            case "sample_temperature" -> setup.sampleTemperatureK()
                    + TEMPERATURE_DRIFT_K * Math.sin(2 * Math.PI * seconds / TEMPERATURE_DRIFT_PERIOD_S);
            case "sample_x" -> setup.sampleXmm();
            case "sample_y" -> setup.sampleYmm();
            case "sample_omega" -> 0.0;
            case "detector_distance" -> setup.detectorDistanceMm();
            case "beam_energy" -> setup.beamEnergyKeV();
            case "ring_current" -> setup.ringCurrentMa()
                    - RING_DECAY_MA * ((seconds % TOP_UP_PERIOD_S) / TOP_UP_PERIOD_S);
            default -> throw new IllegalStateException("No simulation for variable " + name);
        };
    }
}
