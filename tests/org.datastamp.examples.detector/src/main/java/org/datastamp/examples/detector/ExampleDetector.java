package org.datastamp.examples.detector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

import org.datastamp.detector.api.AcquisitionSummary;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.detector.api.DetectorException;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameConsumer;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.osgi.service.component.annotations.Component;

/**
 * What a facility writes to add its own detector: one class, one DS component. Tests hot-deploy this bundle to
 * show plugins appear in, and leave, the capability registry at runtime.
 */
@Component(service = DetectorDriver.class)
public class ExampleDetector implements DetectorDriver {

    private static final FrameGeometry GEOMETRY = new FrameGeometry(16, 8, PixelType.UINT16);

    @Override
    public String capabilityId() {
        return "example-detector";
    }

    @Override
    public String displayName() {
        return "Example beamline detector (plugin template)";
    }

    @Override
    public FrameGeometry geometry() {
        return GEOMETRY;
    }

    @Override
    public AcquisitionSummary acquire(int frameCount, FrameConsumer consumer)
            throws DetectorException, InterruptedException {
        for (int i = 0; i < frameCount; i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("Example detector aborted at frame " + i);
            }
            ByteBuffer pixels = ByteBuffer.allocate((int) GEOMETRY.frameBytes()).order(ByteOrder.LITTLE_ENDIAN);
            while (pixels.hasRemaining()) {
                pixels.putShort((short) i);
            }
            try {
                consumer.accept(new Frame(i, GEOMETRY, pixels.flip().asReadOnlyBuffer(), Instant.now()));
            } catch (java.io.IOException e) {
                throw new DetectorException("Example detector: consumer failed at frame " + i + ": " + e.getMessage(), e);
            }
        }
        return new AcquisitionSummary(frameCount, 0);
    }
}
