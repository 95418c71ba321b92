package org.datastamp.controls.simulated;

import java.time.Clock;
import java.util.List;

import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.controls.api.VariableReading;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A control system without hardware: a few beamline variables with Tango-like names, units and limits. */
@Component(service = ControlSystemConnector.class, configurationPid = SimulatedControlSystem.PID)
@Designate(ocd = SimulatedControlSystem.Config.class)
public class SimulatedControlSystem implements ControlSystemConnector {

    static final String PID = "org.datastamp.controls.simulated";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedControlSystem.class);

    @ObjectClassDefinition(name = "DataSTaMP simulated control system",
            description = "Beamline variables recorded with every scan, without hardware")
    public @interface Config {

        @AttributeDefinition(description = "Tango domain of the simulated devices, e.g. sim or b311a")
        String domain() default "sim";

        @AttributeDefinition(description = "Sample temperature set point (K); the reading drifts by 0.2 K around it")
        double sampleTemperatureK() default 295.0;

        @AttributeDefinition(description = "Sample stage x (mm)")
        double sampleXmm() default 0.0;

        @AttributeDefinition(description = "Sample stage y (mm)")
        double sampleYmm() default 0.0;

        @AttributeDefinition(description = "Sample-to-detector distance (mm)")
        double detectorDistanceMm() default 250.0;

        @AttributeDefinition(description = "Monochromator energy (keV)")
        double beamEnergyKeV() default 12.4;

        @AttributeDefinition(description = "Storage-ring current right after a top-up (mA)")
        double ringCurrentMa() default 400.0;
    }

    private volatile SimulatedBeamline beamline;

    @Activate
    @Modified
    void activate(Config config) {
        beamline = new SimulatedBeamline(new SimulatedBeamline.Setup(config.domain(), config.sampleTemperatureK(),
                config.sampleXmm(), config.sampleYmm(), config.detectorDistanceMm(), config.beamEnergyKeV(),
                config.ringCurrentMa()), Clock.systemUTC());
        LOG.info("Simulated control system ready: domain {}, {} variables", config.domain(),
                beamline.variables().size());
    }

    @Override
    public String capabilityId() {
        return "simulated-controls";
    }

    @Override
    public String displayName() {
        return "Simulated beamline control system";
    }

    @Override
    public List<ControlVariable> variables() {
        return beamline.variables();
    }

    @Override
    public List<VariableReading> readAll() {
        return beamline.readAll();
    }
}
