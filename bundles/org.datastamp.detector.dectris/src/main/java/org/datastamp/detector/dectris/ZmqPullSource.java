package org.datastamp.detector.dectris;

import java.util.ArrayList;
import java.util.List;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A ZeroMQ PULL socket connected to a detector's stream endpoint (the detector binds a PUSH socket). Waits in short
 * slices so an interrupted caller is noticed promptly; JeroMQ's own blocking calls do not react to interrupts.
 */
final class ZmqPullSource implements MessageSource, AutoCloseable {

    private static final int SLICE_MILLIS = 100;

    private final ZMQ.Socket socket;

    ZmqPullSource(ZContext context, String endpoint, int receiveHighWaterMark) {
        socket = context.createSocket(SocketType.PULL);
        socket.setRcvHWM(receiveHighWaterMark);
        socket.setReceiveTimeOut(SLICE_MILLIS);
        socket.setLinger(0);
        socket.connect(endpoint);
    }

    @Override
    public List<byte[]> receive(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("Interrupted while waiting for a stream message");
            }
            byte[] first = recv();
            if (first != null) {
                List<byte[]> parts = new ArrayList<>(4);
                parts.add(first);
                // The remaining parts of a multipart message are already here: ZeroMQ delivers messages whole.
                while (socket.hasReceiveMore()) {
                    parts.add(socket.recv(0));
                }
                return parts;
            }
            if (System.nanoTime() - deadline >= 0) {
                return null;
            }
        }
    }

    private byte[] recv() throws InterruptedException {
        try {
            return socket.recv(0);
        } catch (ZMQException e) {
            if (e.getErrorCode() == ZMQ.Error.EINTR.getCode()) {
                throw new InterruptedException("Interrupted while receiving a stream message");
            }
            throw e;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
