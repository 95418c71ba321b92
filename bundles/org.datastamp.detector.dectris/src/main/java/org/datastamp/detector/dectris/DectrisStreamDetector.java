package org.datastamp.detector.dectris;

import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.datastamp.detector.api.AcquisitionSummary;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.detector.api.DetectorException;
import org.datastamp.detector.api.FrameConsumer;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQException;

/**
 * A DECTRIS detector (EIGER, PILATUS4, ...) read through its SIMPLON stream interface: one instance per factory
 * configuration ({@code etc/org.datastamp.detector.dectris-<name>.cfg}, which File Install turns into the pid
 * {@code org.datastamp.detector.dectris~<name>}). Each {@link #acquire} connects a ZeroMQ PULL socket to the
 * detector's stream, receives the next series the detector sends (the detector is armed and triggered through its
 * own SIMPLON API) and hands its frames on still compressed, as HDF5 chunks.
 */
@Component(service = DetectorDriver.class, configurationPid = DectrisStreamDetector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DectrisStreamDetector.Config.class, factory = true)
public class DectrisStreamDetector implements DetectorDriver {

    static final String PID = "org.datastamp.detector.dectris";

    private static final Logger LOG = LoggerFactory.getLogger(DectrisStreamDetector.class);

    @ObjectClassDefinition(name = "DataSTaMP DECTRIS stream detector",
            description = "A DECTRIS detector whose frames arrive over its SIMPLON ZeroMQ stream (v1 or v2)")
    public @interface Config {

        @AttributeDefinition(description = "Stream endpoint of the detector control unit: tcp://host:9999 for stream"
                + " v1, tcp://host:31001 for stream v2")
        String endpoint();

        @AttributeDefinition(description = "Capability id, unique among detectors; empty: dectris-<configuration name>",
                required = false)
        String capabilityId() default "";

        @AttributeDefinition(description = "Name shown to users")
        String displayName() default "DECTRIS detector";

        @AttributeDefinition(description = "Stream version: 1, 2 or auto (told apart per message)")
        String protocolVersion() default "auto";

        @AttributeDefinition(description = "Milliseconds to wait for a series to start, and that a running series may"
                + " stay silent before it is given up")
        long receiveTimeoutMillis() default 30_000;

        @AttributeDefinition(description = "Frame width until a series header says otherwise")
        int width() default 4148;

        @AttributeDefinition(description = "Frame height until a series header says otherwise")
        int height() default 4362;

        @AttributeDefinition(description = "Pixel type until a series header says otherwise")
        PixelType pixelType() default PixelType.UINT32;

        @AttributeDefinition(description = "Stream v2 channel to read (e.g. threshold_1); empty: the first",
                required = false)
        String channel() default "";

        @AttributeDefinition(description = "Messages ZeroMQ may queue in this receiver before the detector waits")
        int receiveHighWaterMark() default 1000;
    }

    private final ReentrantLock acquiring = new ReentrantLock();
    private volatile DectrisStreamSettings settings;
    private volatile FrameGeometry geometry;
    private volatile ZContext context;

    /** For Declarative Services. */
    public DectrisStreamDetector() {
    }

    /**
     * A ready detector outside a framework (tests, benchmarks); {@link #close()} it. Public only for them: the
     * bundle exports nothing.
     */
    public DectrisStreamDetector(DectrisStreamSettings settings) {
        start(settings);
    }

    @Activate
    void activate(Config config, Map<String, Object> properties) {
        start(settings(config, String.valueOf(properties.getOrDefault("service.pid", PID))));
    }

    static DectrisStreamSettings settings(Config c, String pid) {
        // A factory configuration org.datastamp.detector.dectris~eiger1 has the pid "...~eiger1": id dectris-eiger1.
        String name = pid.contains("~") ? pid.substring(pid.indexOf('~') + 1) : "";
        String id = !c.capabilityId().isBlank() ? c.capabilityId() : name.isEmpty() ? "dectris" : "dectris-" + name;
        return new DectrisStreamSettings(c.endpoint(), id, c.displayName(), ProtocolVersion.parse(c.protocolVersion()),
                c.receiveTimeoutMillis(), new FrameGeometry(c.width(), c.height(), c.pixelType()), c.channel(),
                c.receiveHighWaterMark());
    }

    private void start(DectrisStreamSettings s) {
        settings = s;
        geometry = s.defaultGeometry();
        context = new ZContext(1);
        LOG.info("DECTRIS stream detector {} ready: stream {} on {}", s.capabilityId(), s.version(), s.endpoint());
    }

    @Deactivate
    public void close() {
        // Closing the context ends a series in progress: its receive fails and acquire reports it.
        ZContext c = context;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public String capabilityId() {
        return settings.capabilityId();
    }

    @Override
    public String displayName() {
        return settings.displayName();
    }

    @Override
    public FrameGeometry geometry() {
        return geometry;
    }

    @Override
    public AcquisitionSummary acquire(int frameCount, FrameConsumer consumer)
            throws DetectorException, InterruptedException {
        SeriesReport report = receiveSeries(frameCount, consumer);
        return new AcquisitionSummary(report.delivered(), report.dropped());
    }

    /** Receives one series and reports it in detail (rejected messages by problem); {@link #acquire} sums it up. */
    SeriesReport receiveSeries(int frameCount, FrameConsumer consumer) throws DetectorException, InterruptedException {
        if (frameCount < 0) {
            throw new IllegalArgumentException("frameCount must not be negative, got " + frameCount);
        }
        DectrisStreamSettings s = settings;
        if (!acquiring.tryLock()) {
            throw new DetectorException(s.capabilityId() + " is already acquiring; one series at a time");
        }
        try (ZmqPullSource source = new ZmqPullSource(context, s.endpoint(), s.receiveHighWaterMark())) {
            SeriesReceiver receiver = new SeriesReceiver(s.capabilityId(), source,
                    new StreamDecoder(s.version(), s.channel()), s.receiveTimeoutMillis(), g -> geometry = g);
            return receiver.receive(frameCount, consumer);
        } catch (ZMQException | IllegalStateException e) {
            throw new DetectorException(s.capabilityId() + ": the stream from " + s.endpoint() + " failed ("
                    + e.getMessage() + "); was the detector component stopped?", e);
        } finally {
            acquiring.unlock();
        }
    }
}
