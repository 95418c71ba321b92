package org.datastamp.controls.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.datastamp.controls.api.ControlVariable;
import org.datastamp.controls.api.VariableReading;
import org.junit.jupiter.api.Test;

class SimulatedBeamlineTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final SimulatedBeamline.Setup SETUP = new SimulatedBeamline.Setup("b311a", 295.0, 1.5, -2.0, 250.0,
            12.4, 400.0);

    @Test
    void variablesHaveTangoDeviceNamesUnitsAndLimitsInDisplayOrder() {
        List<ControlVariable> vars = new SimulatedBeamline(SETUP, Clock.fixed(T0, ZoneOffset.UTC)).variables();

        ControlVariable temperature = vars.get(0);
        assertEquals("sample_temperature", temperature.name());
        assertEquals("b311a/cryo/cryostream-01", temperature.device());
        assertEquals("Temperature", temperature.attribute());
        assertEquals("K", temperature.unit());
        assertEquals(List.of("sample_temperature", "sample_x", "sample_y", "sample_omega", "detector_distance",
                "beam_energy", "ring_current"), vars.stream().map(ControlVariable::name).toList());
        assertTrue(vars.stream().allMatch(v -> v.device().matches("b311a/[a-z]+/[a-z0-9-]+")));
        assertTrue(vars.stream().allMatch(v -> v.minimum() != null && v.maximum() != null && !v.unit().isEmpty()));
        for (int i = 1; i < vars.size(); i++) {
            assertTrue(vars.get(i - 1).order() < vars.get(i).order());
        }
    }

    @Test
    void readingsReflectTheSetupAndTheTemperatureDriftsSlowly() {
        MutableClock clock = new MutableClock(T0);
        SimulatedBeamline beamline = new SimulatedBeamline(SETUP, clock);

        Map<String, Double> atStart = values(beamline.readAll());
        clock.now = T0.plus(Duration.ofSeconds(150)); // a quarter of the drift period: the peak
        List<VariableReading> later = beamline.readAll();
        Map<String, Double> afterQuarter = values(later);

        assertEquals(295.0, atStart.get("sample_temperature"), 1e-9);
        assertEquals(295.2, afterQuarter.get("sample_temperature"), 1e-9);
        assertEquals(1.5, afterQuarter.get("sample_x"));
        assertEquals(-2.0, afterQuarter.get("sample_y"));
        assertEquals(250.0, afterQuarter.get("detector_distance"));
        assertEquals(12.4, afterQuarter.get("beam_energy"));
        assertTrue(afterQuarter.get("ring_current") < atStart.get("ring_current"), "the ring current decays");
        assertTrue(later.stream().allMatch(r -> r.time().equals(clock.now)));
    }

    @Test
    void aSetupOutsideTheLimitsIsRefusedNamingTheVariable() {
        SimulatedBeamline.Setup tooFar = new SimulatedBeamline.Setup("sim", 295.0, 40.0, 0.0, 250.0, 12.4, 400.0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SimulatedBeamline(tooFar, Clock.systemUTC()));

        assertEquals("Simulated sample_x = 40.0 mm is outside its limits [-25.0, 25.0]", e.getMessage());
    }

    private static Map<String, Double> values(List<VariableReading> readings) {
        return readings.stream().collect(Collectors.toMap(r -> r.variable().name(), VariableReading::value));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
