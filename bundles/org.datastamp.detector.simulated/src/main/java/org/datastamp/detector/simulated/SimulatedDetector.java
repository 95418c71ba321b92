package org.datastamp.detector.simulated;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.datastamp.detector.api.AcquisitionSummary;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.detector.api.DetectorException;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameConsumer;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A detector without hardware: frames follow {@link SimulatedPattern}, paced at the configured frame rate, so the
 * whole acquisition chain can run and be checked anywhere.
 */
@Component(service = DetectorDriver.class, configurationPid = SimulatedDetector.PID)
@Designate(ocd = SimulatedDetector.Config.class)
public class SimulatedDetector implements DetectorDriver {

    static final String PID = "org.datastamp.detector.simulated";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedDetector.class);

    @ObjectClassDefinition(name = "DataSTaMP simulated detector",
            description = "A detector that synthesises frames with a known pattern")
    public @interface Config {

        @AttributeDefinition(description = "Pixels along the fast axis")
        int width() default 256;

        @AttributeDefinition(description = "Pixels along the slow axis")
        int height() default 256;

        @AttributeDefinition(description = "Data type of each pixel")
        PixelType pixelType() default PixelType.UINT16;

        @AttributeDefinition(description = "Frames per second; 0 delivers frames as fast as they are consumed")
        double frameRateHz() default 100;
    }

    private volatile SimulatedDetectorSettings settings;
    private volatile boolean active;

    /** For Declarative Services; the configuration arrives in {@link #activate(Config)}. */
    public SimulatedDetector() {
    }

    /** A ready detector outside a framework, e.g. in tests. */
    public SimulatedDetector(SimulatedDetectorSettings settings) {
        this.settings = settings;
        this.active = true;
    }

    @Activate
    @Modified
    void activate(Config config) {
        settings = new SimulatedDetectorSettings(new FrameGeometry(config.width(), config.height(), config.pixelType()),
                config.frameRateHz());
        active = true;
        LOG.info("Simulated detector ready: {}x{} {} at {} Hz", config.width(), config.height(), config.pixelType(),
                config.frameRateHz());
    }

    @Deactivate
    void deactivate() {
        // A series in progress notices at its next frame and fails instead of feeding a consumer that outlived us.
        active = false;
    }

    @Override
    public String capabilityId() {
        return "simulated-detector";
    }

    @Override
    public String displayName() {
        return "Simulated detector";
    }

    @Override
    public FrameGeometry geometry() {
        return settings.geometry();
    }

    @Override
    public AcquisitionSummary acquire(int frameCount, FrameConsumer consumer)
            throws DetectorException, InterruptedException {
        if (frameCount < 0) {
            throw new IllegalArgumentException("frameCount must not be negative, got " + frameCount);
        }
        SimulatedDetectorSettings series = settings;
        long period = series.framePeriodNanos();
        long start = System.nanoTime();
        for (int i = 0; i < frameCount; i++) {
            if (!active) {
                throw new DetectorException("Simulated detector stopped at frame " + i + " of " + frameCount
                        + " (its bundle is stopping or it was disabled)");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("Simulated detector: series aborted at frame " + i + " of " + frameCount);
            }
            long wait = start + i * period - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Frame frame = new Frame(i, series.geometry(), SimulatedPattern.render(i, series.geometry()), Instant.now());
            try {
                consumer.accept(frame);
            } catch (IOException e) {
                throw new DetectorException("Simulated detector: the consumer failed at frame " + i + " of "
                        + frameCount + ": " + e.getMessage(), e);
            }
        }
        return new AcquisitionSummary(frameCount, 0);
    }
}
