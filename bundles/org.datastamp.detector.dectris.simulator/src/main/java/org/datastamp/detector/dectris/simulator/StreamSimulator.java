package org.datastamp.detector.dectris.simulator;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A stand-in for a DECTRIS detector's stream interface: binds a ZeroMQ PUSH socket, as the detector control unit
 * does, and sends series of SIMPLON stream v1 or v2 messages to whoever connects a PULL socket.
 */
public final class StreamSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSimulator.class);

    /** How long one send may wait for a receiver before the sender looks at its interrupt flag again. */
    private static final int SEND_SLICE_MILLIS = 100;

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
        this(endpoint, lingerMillis, false);
    }

    /**
     * Binds {@code endpoint}; with {@code interruptible}, a send waiting for a receiver notices an interrupt within
     * {@value #SEND_SLICE_MILLIS} ms (JeroMQ's blocking send does not), so a simulator component can be stopped.
     */
    public StreamSimulator(String endpoint, int lingerMillis, boolean interruptible) {
        push = context.createSocket(SocketType.PUSH);
        push.setLinger(lingerMillis);
        push.setSndHWM(1000);
        if (interruptible) {
            push.setSendTimeOut(SEND_SLICE_MILLIS);
        }
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
        sendInterruptibly(encoder.start());
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
            sendInterruptibly(encoder.image(i));
        }
        sendInterruptibly(encoder.end());
    }

    /** Sends one message (its parts in order); for tests that need messages a detector would not send. */
    public void send(List<byte[]> parts) {
        try {
            sendInterruptibly(parts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending a message on " + boundEndpoint, e);
        }
    }

    /**
     * Sends one message, waiting while no receiver is connected or the receiver is behind; an interrupt stops the
     * wait. The simulator is then closed, so a message cut short after its first part is never delivered (ZeroMQ
     * delivers messages whole).
     */
    private void sendInterruptibly(List<byte[]> parts) throws InterruptedException {
        for (int i = 0; i < parts.size(); i++) {
            int flags = i < parts.size() - 1 ? ZMQ.SNDMORE : 0;
            while (!sendPart(parts.get(i), flags)) {
                if (push.errno() != ZMQ.Error.EAGAIN.getCode()) {
                    throw new IllegalStateException("ZeroMQ refused part " + i + " of a message on " + boundEndpoint
                            + ": error " + push.errno());
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("Stopped while waiting for a receiver on " + boundEndpoint);
                }
            }
        }
    }

    /** One part, or false when no receiver took it within a slice; JeroMQ reports an interrupt as EINTR. */
    private boolean sendPart(byte[] part, int flags) throws InterruptedException {
        try {
            return push.send(part, flags);
        } catch (ZMQException e) {
            if (e.getErrorCode() == ZMQ.Error.EINTR.getCode()) {
                throw new InterruptedException("Stopped while sending on " + boundEndpoint);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
