package org.datastamp.detector.dectris.simulator;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A stand-in for a DECTRIS detector's stream interface: binds a ZeroMQ PUSH socket, as the detector control unit
 * does, and sends series of SIMPLON stream v1 or v2 messages to whoever connects a PULL socket.
 */
public final class StreamSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSimulator.class);

    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket push;
    private final String boundEndpoint;

    /**
     * Binds {@code endpoint} (e.g. {@code tcp://*:9999}, or {@code tcp://127.0.0.1:*} for a free port); closing
     * waits at most a second for a receiver to take what is still queued.
     */
    public StreamSimulator(String endpoint) {
        this(endpoint, 1000);
    }

    /**
     * Binds {@code endpoint}; closing waits up to {@code lingerMillis} for queued messages to be taken (-1: until a
     * receiver has taken all of them, as a detector would).
     */
    public StreamSimulator(String endpoint, int lingerMillis) {
        push = context.createSocket(SocketType.PUSH);
        push.setLinger(lingerMillis);
        push.setSndHWM(1000);
        if (!push.bind(endpoint)) {
            context.close();
            throw new IllegalArgumentException("Cannot bind the simulator's PUSH socket to " + endpoint);
        }
        boundEndpoint = push.getLastEndpoint();
    }

    /** The endpoint actually bound, with the port filled in; connect a receiver here. */
    public String endpoint() {
        return boundEndpoint;
    }

    /**
     * Sends one whole series (start, images paced at {@code settings.rate()}, end); blocks while no receiver is
     * connected or the receiver is behind, as a detector's stream does.
     */
    public void sendSeries(SimulatorSettings settings) throws InterruptedException {
        SeriesEncoder encoder = SeriesEncoder.of(settings);
        LOG.info("Simulated series {} (stream v{}): {} frames of {}x{} {}-bit, {} compression, {} on {}",
                settings.seriesId(), settings.version(), settings.frames(), settings.width(), settings.height(),
                settings.bits(), settings.compression(), settings.rate() == 0 ? "unpaced" : settings.rate() + " frames/s",
                boundEndpoint);
        send(encoder.start());
        long period = settings.framePeriodNanos();
        long start = System.nanoTime();
        for (long i = 0; i < settings.frames(); i++) {
            long wait = start + i * period - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("Simulated series " + settings.seriesId() + " stopped at frame " + i);
            }
            send(encoder.image(i));
        }
        send(encoder.end());
    }

    /** Sends one message (its parts in order); for tests that need messages a detector would not send. */
    public void send(List<byte[]> parts) {
        for (int i = 0; i < parts.size(); i++) {
            boolean more = i < parts.size() - 1;
            if (!push.send(parts.get(i), more ? ZMQ.SNDMORE : 0)) {
                throw new IllegalStateException("ZeroMQ refused part " + i + " of a message on " + boundEndpoint
                        + ": error " + push.errno());
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
