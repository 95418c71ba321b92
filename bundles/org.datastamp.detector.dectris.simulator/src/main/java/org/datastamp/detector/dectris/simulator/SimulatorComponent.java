package org.datastamp.detector.dectris.simulator;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated DECTRIS detector inside the platform, one per factory configuration
 * ({@code etc/org.datastamp.detector.dectris.simulator-<name>.cfg}): binds the configured endpoint and publishes series
 * of the {@link PixelPattern} there, as {@code bin/dectris-simulator} does, so a {@code org.datastamp.detector.dectris}
 * receiver pointed at it acquires without hardware. Publishing blocks while no receiver is connected, like a
 * detector's stream: the rest of a series one receiver left half-way goes to the next receiver, which rejects it
 * (images without their series start) and takes the following series whole.
 */
@Component(service = {}, configurationPid = SimulatorComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SimulatorComponent.Config.class, factory = true)
public class SimulatorComponent {

    static final String PID = "org.datastamp.detector.dectris.simulator";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorComponent.class);

    @ObjectClassDefinition(name = "DataSTaMP DECTRIS stream simulator",
            description = "Publishes simulated SIMPLON stream series (v1 or v2) on a ZeroMQ PUSH socket")
    public @interface Config {

        @AttributeDefinition(description = "Endpoint the PUSH socket binds, e.g. tcp://*:31001 (v2) or tcp://*:9999 (v1)")
        String endpoint();

        @AttributeDefinition(description = "SIMPLON stream version: 1 (JSON multipart) or 2 (CBOR)")
        int version() default 2;

        @AttributeDefinition(description = "Frame width in pixels")
        int width() default 1028;

        @AttributeDefinition(description = "Frame height in pixels")
        int height() default 512;

        @AttributeDefinition(description = "Bits per unsigned pixel: 8, 16 or 32")
        int bits() default 32;

        @AttributeDefinition(description = "Frame compression: none, lz4 or bslz4")
        String compression() default "bslz4";

        @AttributeDefinition(description = "Images per series")
        int frames() default 10;

        @AttributeDefinition(description = "Frames per second; 0 sends as fast as the receiver takes them")
        double rate() default 0;

        @AttributeDefinition(description = "Series to publish, numbered from firstSeriesId; 0 publishes continuously")
        int series() default 0;

        @AttributeDefinition(description = "Milliseconds to wait between two series")
        long pauseMillis() default 1000;

        @AttributeDefinition(description = "Number of the first series")
        long firstSeriesId() default 1;

        @AttributeDefinition(description = "Stream v1 global header detail: all, basic or none")
        String headerDetail() default "basic";
    }

    private StreamSimulator simulator;
    private ExecutorService publisher;
    private Future<?> publishing;

    @Activate
    void activate(Config config, Map<String, Object> properties) {
        SimulatorSettings first = settings(config);
        if (config.series() < 0) {
            throw new IllegalArgumentException(PID + ": series must be 0 (continuously) or a positive count, got "
                    + config.series());
        }
        if (config.pauseMillis() < 0) {
            throw new IllegalArgumentException(PID + ": pauseMillis must not be negative, got " + config.pauseMillis());
        }
        String name = String.valueOf(properties.getOrDefault("service.pid", PID));
        // Linger 0: a stopped simulator drops what no receiver took, as a detector that is switched off does.
        simulator = new StreamSimulator(first.endpoint(), 0, true);
        publisher = Executors.newSingleThreadExecutor(r -> new Thread(r, "dectris-simulator " + name));
        publishing = publisher.submit(() -> publish(first, config.series(), config.pauseMillis()));
        LOG.info("DECTRIS stream simulator {} publishing on {}: {} series of {} frames, stream v{}", name,
                simulator.endpoint(), config.series() == 0 ? "endless" : config.series(), first.frames(),
                first.version());
    }

    /** The first series' settings from the configuration, each value checked by {@link SimulatorSettings}. */
    static SimulatorSettings settings(Config c) {
        if (c.endpoint() == null || c.endpoint().isBlank()) {
            throw new IllegalArgumentException(PID + ": endpoint is required, e.g. tcp://*:31001");
        }
        return new SimulatorSettings(c.version(), c.width(), c.height(), c.bits(), Compression.parse(c.compression()),
                c.frames(), c.rate(), c.endpoint(), c.firstSeriesId(), c.headerDetail());
    }

    private void publish(SimulatorSettings first, int series, long pauseMillis) {
        try {
            for (long n = 0; series == 0 || n < series; n++) {
                if (n > 0) {
                    TimeUnit.MILLISECONDS.sleep(pauseMillis);
                }
                SimulatorSettings s = withSeries(first, first.seriesId() + n);
                simulator.sendSeries(s);
                LOG.info("DECTRIS stream simulator on {}: series {} sent ({} frames)", simulator.endpoint(),
                        s.seriesId(), s.frames());
            }
        } catch (InterruptedException e) {
            LOG.info("DECTRIS stream simulator on {} stopped", simulator.endpoint());
        } catch (RuntimeException e) {
            LOG.error("DECTRIS stream simulator on {} failed: {}", simulator.endpoint(), e.toString(), e);
        }
    }

    private static SimulatorSettings withSeries(SimulatorSettings s, long seriesId) {
        return new SimulatorSettings(s.version(), s.width(), s.height(), s.bits(), s.compression(), s.frames(),
                s.rate(), s.endpoint(), seriesId, s.headerDetail());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        publishing.cancel(true);
        publisher.shutdown();
        if (!publisher.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("DECTRIS stream simulator on {} did not stop within 5 s; closing its socket anyway",
                    simulator.endpoint());
        }
        simulator.close();
    }
}
